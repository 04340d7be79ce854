"""acsn-kg: knowledge graphs of China's party discipline inspection from news articles.

The package is a library first; the ``kg`` command is a thin layer over it.

Example
-------
>>> import kg
>>> arts = kg.read_text_article("近日,省委第十一巡视组进驻省人防办。", source="浙江日报", date="2020-01-10")
>>> graph = kg.extract_graph([arts])
>>> len(graph) > 0
True
"""

__version__ = "0.1.0"
