"""Claim alignment: pure functions from documents to a Comparison (no Qt, no SQL)."""
