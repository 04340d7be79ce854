"""The exceptions the library raises; the CLI turns each into a one-line message and exit code 1."""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "KgError", "StoreError", "ValidationError"]


class KgError(Exception):
    """Base class: a failure the user can act on, with a one-line message."""


class InputError(KgError):
    """An input file or record cannot be read (names the file, and the line where there is one)."""


class ConfigError(KgError):
    """A setting is missing or wrong (names the setting)."""


class StoreError(KgError):
    """The graph database cannot be reached or refuses an operation."""


class ValidationError(KgError):
    """Data does not conform to the ontology's shapes."""
