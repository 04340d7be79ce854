"""acsn-kg: knowledge graphs of China's party discipline inspection from news articles.

The package is a library first; the ``kg`` command is a thin layer over it.

Example
-------
>>> from kg.model import Article
>>> from kg.pipeline import extract_graph
>>> article = Article(id="a1", text="近日,省委第十一巡视组进驻省人防办。", publisher="浙江日报")
>>> graph = extract_graph([article])
>>> len(graph) > 0
True
"""

__version__ = "0.1.0"
