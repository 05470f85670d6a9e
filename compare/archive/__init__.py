"""Whole archives: group many articles into stories and compare each story, on a Dask cluster.

Above the engine and the store, beside the command line. Only this package imports Dask and datasketch
(the ``archive`` extra); the modules the desktop app reads (``stories``) import neither.

- ``articles``: read a JSON Lines file or a folder of documents into ``Article``s, bad lines reported;
- ``settings``: the grouping thresholds (no heavy imports, so the command line can show them);
- ``grouping``: stories from articles (MinHash LSH candidates, TF-IDF cosine, dates, union-find);
- ``story_work``: one story's comparison (the unit of work a Dask worker runs);
- ``run``: the run itself (Dask client, progress, resume); ``output``: stories.json and report.html.
"""
