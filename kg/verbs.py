"""Packages that are also the library verb of their name: ``kg.extract(...)`` beside ``kg.extract.extract``.

``kg.extract``, ``kg.build``, ``kg.viz``, ``kg.export`` and ``kg.validate`` are modules
(the extractors, the corpus pipeline, the viewer …) and, as :mod:`kg.api` documents,
the verbs analysts call from a notebook. Python sets a package's submodule as an
attribute of the package, so a function of the same name in ``kg`` would be replaced
the first time the submodule is imported; instead each such module calls
:func:`make_verb` on itself, and calling the module calls the verb of :mod:`kg.api`.
"""

from __future__ import annotations

import sys
import types

__all__ = ["make_verb"]


class _Verb(types.ModuleType):
    """A module whose call is the :mod:`kg.api` function of the same name."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        from kg import api

        return getattr(api, self.__name__.rpartition(".")[2])(*args, **kwargs)


def make_verb(module_name: str) -> None:
    """Make the module ``module_name`` (``kg.<verb>``, already imported) callable as that verb."""
    sys.modules[module_name].__class__ = _Verb
