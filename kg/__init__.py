"""acsn-kg: knowledge graphs of China's party discipline inspection from news articles.

The package is a library first; the ``kg`` command is a thin layer over it. The verbs
(see :mod:`kg.api`) work from Python and notebooks as they are, without the command:

>>> import kg
>>> graph = kg.extract("examples/seed-zjrb-20200110.txt")
>>> kg.validate(graph).conforms
True
>>> article = kg.Article(id="a1", text="近日,省委第十一巡视组进驻省人防办。", publisher="浙江日报")
>>> len(kg.extract([article])) > 0
True

``kg.read_articles``, ``kg.extract``, ``kg.build``, ``kg.connect``, ``kg.load``,
``kg.export``, ``kg.viz``, ``kg.query`` and ``kg.validate``; errors are
:class:`kg.KgError` s with a one-line message. Modules are imported when first used, so
``import kg`` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.api import connect as connect
    from kg.api import load as load
    from kg.api import query as query
    from kg.api import read_articles as read_articles
    from kg.model import Article as Article

__version__ = "0.1.0"

_MODULE_VERBS = frozenset({"build", "export", "extract", "validate", "viz"})
"""Verbs that are also module names (see :mod:`kg.verbs`)."""
_API_VERBS = frozenset({"connect", "load", "query", "read_articles"})

__all__ = ["Article", "KgError", "__version__", *sorted(_MODULE_VERBS | _API_VERBS)]


def __getattr__(name: str) -> object:
    if name in _MODULE_VERBS:
        return import_module(f"kg.{name}")
    if name in _API_VERBS:
        return getattr(import_module("kg.api"), name)
    if name == "Article":
        return import_module("kg.model").Article
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | {name for name in globals() if not name.startswith("_")})
