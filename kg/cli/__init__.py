"""The ``kg`` command: one module a command group, each thin over the library.

- :mod:`kg.cli.app` the Typer app, the error boundary and the entry point :func:`main`;
- :mod:`kg.cli.params` what the commands share: connection options, choices, ``-p``
  parameters, progress, skipped inputs, lexicons;
- :mod:`kg.cli.extract` ``extract``, ``validate``, ``ontology``;
- :mod:`kg.cli.build` ``build``;
- :mod:`kg.cli.db` ``load``, ``export`` and ``db start|status|stop``;
- :mod:`kg.cli.query` ``cypher`` and ``query list|show|run``;
- :mod:`kg.cli.viz` ``viz``;
- :mod:`kg.cli.resolve` ``resolve …``.

Importing this package registers every command on :data:`app`, in the order ``kg --help``
lists them.
"""

from __future__ import annotations

from kg.cli import build, db, extract, query, resolve, viz
from kg.cli.app import _plain_placeholders, app, main, run

__all__ = ["app", "main", "run"]

_plain_placeholders()
extract.register(app)
build.register(app)
db.register(app)
query.register(app)
viz.register(app)
resolve.register(app)
