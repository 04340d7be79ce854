"""``python -m kg.cli``: the ``kg`` command."""

from kg.cli.app import main

main()
