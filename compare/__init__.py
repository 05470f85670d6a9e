"""Narrative Compare: align the claims of several accounts of the same events."""

__version__ = "0.1.0"
