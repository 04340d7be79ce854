"""The graph store: a local Bolt server, batched idempotent loading and read-back to RDF.

The commands over it are in :mod:`kg.cli.db`.

Only this package talks to Neo4j (or the embedded ArcadeDB server that speaks its
protocol). :mod:`kg.store.mapping` is pure and imports no driver, so other modules may
use it; the rest imports :mod:`neo4j` lazily through the submodules.

- :mod:`kg.store.mapping` RDF <-> node and relationship rows;
- :mod:`kg.store.server` the local server process (``kg db start|status|stop``);
- :mod:`kg.store.home` its home folder: password, pid and state files, log, status;
- :mod:`kg.store.connect` settings, driver and server detection;
- :mod:`kg.store.load` schema and batched loading (``kg load``);
- :mod:`kg.store.readback` the database back to RDF (``kg export``, through :mod:`kg.formats`).
"""

from __future__ import annotations

__all__: list[str] = []
