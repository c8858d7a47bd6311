"""The package version, in a module of its own so that ``deid/`` can name it without importing tilbake."""

__version__ = "0.1.0"
