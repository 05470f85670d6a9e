"""An archive run on Dask: read, group into stories, compare every story on the workers, write OUT.

The same code path for a ``LocalCluster`` (``--workers N``) and an existing cluster (``--scheduler
tcp://host:8786``): only the ``Client`` differs. Work units are stories. Workers compute; the client writes
every file (projects through the store's atomic save, ``stories.json`` and ``report.html`` through a
temp-and-rename write), so a killed run leaves finished projects and no broken file, and ``--resume``
skips the stories whose project exists, checks clean and holds the story's articles.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from dask.distributed import Client, LocalCluster, as_completed

from compare.archive import files
from compare.archive.articles import Article, Problem, read_archive
from compare.archive.grouping import GroupingSettings, article_terms, group_articles
from compare.archive.progress import ProgressBar
from compare.archive.report_html import render_report
from compare.archive.stories import (
    PROJECTS_DIR,
    REPORT_FILE,
    STORIES_FILE,
    Story,
    project_path,
    stories_json,
)
from compare.archive.story_work import (
    StorySummary,
    StoryTask,
    align_story,
    project_documents,
    summarize,
)
from compare.model import AlignSettings, CompareError, Comparison, InputError
from compare.store import StoreError, check_file, open_comparison, save_comparison

TERMS_CHUNK = 256  # articles per tokenising task: big enough to hide the scheduler's per-task cost
CONNECT_TIMEOUT = "10s"
AUTHOR = "narrative-compare archive"


@dataclass(frozen=True, slots=True)
class ArchiveOptions:
    workers: int | None = None  # LocalCluster size; None: one per core
    scheduler: str | None = None  # address of an existing Dask scheduler
    resume: bool = False
    processes: bool = True  # LocalCluster workers as processes (threads only for tests and tiny runs)
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    align: AlignSettings = field(default_factory=AlignSettings)


@dataclass(frozen=True, slots=True)
class ArchiveResult:
    articles: int
    stories: int
    compared: int  # stories compared in this run
    resumed: int  # stories whose project was kept from an earlier run
    problems: tuple[Problem, ...]
    failed: tuple[str, ...]  # one line per story that could not be compared
    seconds: float
    grouping_seconds: float = 0.0  # reading and grouping (the rest is comparing and writing)


class Interrupted(Exception):
    """Ctrl+C: the cluster was shut down; the projects saved so far are complete."""

    def __init__(self, saved: int, total: int) -> None:
        super().__init__(f"{saved} of {total} stories saved")
        self.saved, self.total = saved, total


def story_id(article_ids: Sequence[str]) -> str:
    """Named after its members, so a resumed run finds a story's project even if the input order changed."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return f"s-{digest[:16]}"


def run_archive(
    source: str | Path, out: str | Path, options: ArchiveOptions, *, err: TextIO
) -> ArchiveResult:
    started = time.monotonic()
    out = Path(out)
    articles, problems = read_archive(source)
    for problem in problems:
        print(f"narrative-compare: {problem}", file=err)
    _prepare_out(out, options.resume)
    with _client(options) as client:
        print(
            f"narrative-compare: grouping {len(articles):,} articles on {_describe(client)}",
            file=err,
            flush=True,
        )
        stories, tasks = _stories(client, articles, options.grouping)
        grouped = time.monotonic()
        summaries, compared, resumed, failed = _compare(client, out, tasks, options, err)
    index = [_with_results(s, summaries) for s in stories]
    files.write_text_atomically(out / STORIES_FILE, stories_json(index))
    report = render_report(index, [summaries[s.id] for s in index if s.id in summaries],
                           articles=len(articles), problems=len(problems))  # fmt: skip
    files.write_text_atomically(out / REPORT_FILE, report)
    return ArchiveResult(
        articles=len(articles),
        stories=len(stories),
        compared=compared,
        resumed=resumed,
        problems=tuple(problems),
        failed=tuple(failed),
        seconds=time.monotonic() - started,
        grouping_seconds=grouped - started,
    )


def _prepare_out(out: Path, resume: bool) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not resume:
        raise InputError(f"{out}: not empty; use --resume to continue that run, or give a new folder")
    try:
        (out / PROJECTS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the folder ({exc.strerror or exc})") from None
    files.remove_stale_temporaries(out / PROJECTS_DIR)
    files.remove_stale_temporaries(out)


@contextlib.contextmanager
def _client(options: ArchiveOptions) -> Iterator[Client]:
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {options.scheduler} ({exc})") from None
        try:
            yield client
        finally:
            client.close()
        return
    workers = options.workers or os.cpu_count() or 1
    with _workers_ignore_ctrl_c(), _quiet_worker_logs():
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=options.processes,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
    try:
        client = Client(cluster, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


@contextlib.contextmanager
def _quiet_worker_logs() -> Iterator[None]:
    """Worker processes start with distributed's own log messages off. At shutdown a worker whose heartbeat
    meets the scheduler already closed logs that with a traceback, though nothing failed; what does fail
    reaches the client as the story's exception and is reported in one line. ``silence_logs`` reaches only
    the nanny's logger in a worker process, so the setting goes through the environment the workers start
    with (dask reads ``DASK_LOGGING__DISTRIBUTED`` when distributed is imported there)."""
    old = os.environ.get(_WORKER_LOGS)
    os.environ[_WORKER_LOGS] = "critical"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(_WORKER_LOGS, None)
        else:
            os.environ[_WORKER_LOGS] = old


_WORKER_LOGS = "DASK_LOGGING__DISTRIBUTED"


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Worker processes start with Ctrl+C ignored (they inherit it), so that a terminal's Ctrl+C, which
    reaches the whole process group, stops only the client, which then shuts the cluster down in order
    instead of every worker printing its own traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _describe(client: Client) -> str:
    threads = client.nthreads()
    return f"{len(threads)} Dask worker{'s' if len(threads) != 1 else ''} ({sum(threads.values())} threads)"


def _chunk_terms(chunk: Sequence[tuple[str, str]]) -> list[dict[str, int]]:
    return [article_terms(title, text) for title, text in chunk]


def _stories(
    client: Client, articles: Sequence[Article], settings: GroupingSettings
) -> tuple[list[Story], list[StoryTask]]:
    """Tokenising runs on the workers; grouping on the client (it needs every article at once)."""
    chunks = [
        [(a.title, a.text) for a in articles[i : i + TERMS_CHUNK]]
        for i in range(0, len(articles), TERMS_CHUNK)
    ]
    futures = client.map(_chunk_terms, chunks, pure=False)
    terms = [t for part in client.gather(futures) for t in part]
    grouping = group_articles(terms, [a.day for a in articles], settings, texts=[a.text for a in articles])
    copies_of = {m: c for c in grouping.copies for m in c}
    stories, tasks = [], []
    for members in grouping.stories:
        ids = tuple(articles[i].id for i in members)
        sid = story_id(ids)
        outlets = tuple(dict.fromkeys(articles[i].outlet for i in members if articles[i].outlet))
        copies = {copies_of[i] for i in members if i in copies_of}
        stories.append(
            Story(
                id=sid,
                articles=ids,
                title=articles[members[0]].title,
                project=project_path(sid) if len(members) > 1 else None,
                outlets=outlets,
                copies=tuple(tuple(articles[i].id for i in sorted(c)) for c in sorted(copies)),
            )
        )
        if len(members) > 1:
            tasks.append(StoryTask(sid, tuple(articles[i] for i in members)))
    return stories, tasks


def _compare(
    client: Client, out: Path, tasks: Sequence[StoryTask], options: ArchiveOptions, err: TextIO
) -> tuple[dict[str, StorySummary], int, int, list[str]]:
    summaries: dict[str, StorySummary] = {}
    failed: list[str] = []
    bar = ProgressBar(len(tasks), err)
    todo: list[StoryTask] = []
    for task in tasks:
        kept = _kept(out, task) if options.resume else None
        if kept is not None:
            summaries[task.story_id] = kept
            bar.advance(skipped=True)
        else:
            todo.append(task)
    resumed = len(tasks) - len(todo)
    window = max(4, 2 * sum(client.nthreads().values()))
    pending = iter(todo)
    running = as_completed(loop=client.loop)
    by_future: dict = {}

    def submit_next() -> None:
        task = next(pending, None)
        if task is not None:
            future = client.submit(align_story, task, options.align, key=f"align-{task.story_id}", pure=False)
            by_future[future] = task
            running.add(future)

    compared = 0
    try:
        for _ in range(window):
            submit_next()
        for future in running:
            task = by_future.pop(future)
            try:
                comparison: Comparison = future.result()
            except CompareError as exc:
                failed.append(f"story {task.story_id} ({task.articles[0].id}): not compared: {exc}")
            except Exception as exc:  # one story's failure must not cost the other stories of a long run
                failed.append(f"story {task.story_id} ({task.articles[0].id}): not compared: {exc!r}")
            else:
                save_comparison(out / project_path(task.story_id), comparison, author=AUTHOR)
                summaries[task.story_id] = summarize(task.story_id, comparison)
                compared += 1
            future.release()
            bar.advance()
            submit_next()
    except KeyboardInterrupt:
        for future in list(by_future):
            future.cancel()
        raise Interrupted(resumed + compared, len(tasks)) from None
    finally:
        bar.finish()
    for line in failed:
        print(f"narrative-compare: {line}", file=err)
    return summaries, compared, resumed, failed


def _kept(out: Path, task: StoryTask) -> StorySummary | None:
    """The summary of a project an earlier run saved, if it checks clean and holds this story's articles."""
    path = out / project_path(task.story_id)
    if not path.is_file() or check_file(path):
        return None
    try:
        comparison = open_comparison(path, upgrade_in_place=False)
    except StoreError:
        return None
    expected = project_documents(task.articles)
    if [(d.text, d.source) for d in comparison.documents] != [(d.text, d.source) for d in expected]:
        return None
    return summarize(task.story_id, comparison)


def _with_results(story: Story, summaries: dict[str, StorySummary]) -> Story:
    summary = summaries.get(story.id)
    if summary is None:  # a singleton, or a story that could not be compared: no project to point at
        return replace(story, project=None)
    return replace(story, differences=summary.differences, not_found=summary.not_found)
