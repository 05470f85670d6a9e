"""Test data and fakes shared by several test folders and the benchmarks (never shipped in the package).

Importable as ``helpers`` once ``tests/`` is on ``sys.path`` (``tests/conftest.py`` puts it there).
"""
