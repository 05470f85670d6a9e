"""A person's review of a comparison, layer-neutral and Qt-free: used by the app, the store and the CLI.

- ``edits``: confirm, reject, relabel, draw and remove links; notes (each a pure Comparison -> Comparison).
- ``carry``: people's edits across a re-run of the engine, and the claim identity a merge relies on.
- ``queue``: what is left to check and what was decided, counted the same way by the app and the report.
- ``navigation``: the questions the views ask (bands between panes, marks, next difference).

Nothing is imported here: ``compare.store`` imports ``carry`` and ``compare.report`` imports ``queue``
without pulling ``edits`` (which asks ``compare.align.judge`` for a hand link's reasons) into the store.
"""
