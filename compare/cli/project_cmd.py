"""``narrative-compare project new|add|align|info|export|merge|check FILE ...``: project files.

Each handler opens the project, makes one call into the layers and prints one summary; errors are
``CompareError``s that ``compare.cli.main`` prints as one line with exit status 2.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from compare import workflows
from compare.cli.align_cmd import add_semantic_arguments, clip, print_notice, threshold_arg
from compare.model import AlignSettings, Comparison, InputError, LinkStatus
from compare.report.contract import links_csv, write_json
from compare.report.html_report import write_html_report
from compare.review.carry import carry_user_edits
from compare.safe_write import refuse_inputs
from compare.store import (
    FileStamp,
    ProjectChanged,
    ProjectEmbeddingCache,
    ProjectExists,
    RunTimes,
    check_file,
    merge_files,
    open_comparison,
    open_for_update,
    read_project_info,
    save_comparison,
    stamp_of,
)
from compare.text.ingest import load_document

EXIT_OK = 0
EXIT_PROBLEMS = 2  # the same status as any other error: the file is not safe to open
_ACCOUNT = "{agree} agree, {contradict} differ, {omitted} omitted, {only_here} only here"


def register(sub: argparse._SubParsersAction) -> None:
    project = sub.add_parser(
        "project",
        help="create, re-align, inspect, export, merge and check project files (*.ncproj)",
        description="Project files keep a comparison with people's edits. Example: "
        "narrative-compare project new war.ncproj seed.txt a.txt b.txt",
    )
    project.set_defaults(func=lambda _args: _usage(project))
    actions = project.add_subparsers(dest="project_command", metavar="ACTION", parser_class=type(project))
    _add(actions, "new", _new, "create FILE from documents (the first is the base) and align them", docs=True)
    _add(
        actions,
        "add",
        _again_if_changed(_add_documents),
        "add documents to FILE and re-align, keeping people's edits",
        docs=True,
    )
    _add(
        actions,
        "align",
        _again_if_changed(_align),
        "re-align FILE (e.g. with another --threshold), keeping people's edits",
    )
    _add(actions, "info", _info, "print a summary of FILE")
    export = _add(
        actions, "export", _export, "export FILE as the result contract JSON, CSV of links, or HTML report"
    )
    group = export.add_mutually_exclusive_group(required=True)
    group.add_argument("--json", metavar="OUT", help="write the result contract (narrative-compare/1) to OUT")
    group.add_argument("--csv", metavar="OUT", help="write every link (with its status) as CSV to OUT")
    group.add_argument("--html", metavar="OUT", help="write the HTML report (with people's checks) to OUT")
    merge = _add(
        actions,
        "merge",
        _again_if_changed(_merge),
        "bring another person's documents, links and notes into FILE",
    )
    merge.add_argument("other", metavar="OTHER", help="the other project file (only read)")
    _add(actions, "check", _check, "check that FILE is a safe, valid project file (exit status 2 if not)")


def _add(actions: argparse._SubParsersAction, name: str, func, help: str, *, docs: bool = False):
    p = actions.add_parser(name, help=help, description=help)
    p.add_argument("file", metavar="FILE", type=Path, help="the project file (.ncproj)")
    if docs:
        p.add_argument(
            "documents", nargs="+", metavar="DOC", help="documents (.txt, .md, .html, .docx, .pdf)"
        )
    if name in ("new", "align"):
        p.add_argument("--threshold", type=threshold_arg, help="minimum score in [0, 1] for a link")
    if name in ("new", "add", "align"):
        # new: on unless --no-semantic; add / align: as the project was aligned unless either flag is given
        add_semantic_arguments(p, default=True if name == "new" else None)
    if name in ("new", "add", "align", "merge"):
        p.add_argument("--author", default="", help="your name, recorded with the save")
    if name == "new":
        p.add_argument("--force", action="store_true", help="overwrite FILE if it exists (a .bak is kept)")
    p.set_defaults(func=func)
    return p


def _again_if_changed(handler):
    """Run ``handler`` once more, from a fresh read, when another writer saved FILE in the meantime: both
    changes end up in the file. A second conflict fails with one line naming the file."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ProjectChanged:
            return handler(args)

    return run


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _new(args: argparse.Namespace) -> int:
    refuse_inputs(args.file, args.documents)
    expected = stamp_of(args.file)
    if expected is not None and not args.force:
        raise ProjectExists(args.file, "already exists (use --force to replace it; a .bak is kept)")
    documents = workflows.load_documents(args.documents)
    settings = AlignSettings(semantic=args.semantic)
    if args.threshold is not None:
        settings = replace(settings, threshold=args.threshold)
    embeddings = ProjectEmbeddingCache()
    comparison, run = _timed_align(documents, settings, embeddings)
    save_comparison(
        args.file, comparison, author=args.author, run=run, expected=expected, embeddings=embeddings
    )
    print(summary(args.file, comparison))
    return EXIT_OK


def _add_documents(args: argparse.Namespace) -> int:
    refuse_inputs(args.file, args.documents)
    embeddings = ProjectEmbeddingCache()  # the file's claim embeddings: only new claims are embedded
    previous, expected = open_for_update(args.file, embeddings=embeddings)
    documents = list(previous.documents)
    known = {d.text for d in documents}
    used = {d.id for d in documents}
    for path in args.documents:
        doc_id = next(f"d{i}" for i in range(len(used) + 1) if f"d{i}" not in used)
        doc = load_document(path, doc_id)
        if doc.text in known:
            raise InputError(f"{path}: this text is already in {args.file}")
        known.add(doc.text)
        used.add(doc_id)
        documents.append(doc)
    return _realign(args, previous, documents, _with_semantic(args, previous.settings), expected, embeddings)


def _align(args: argparse.Namespace) -> int:
    embeddings = ProjectEmbeddingCache()
    previous, expected = open_for_update(args.file, embeddings=embeddings)
    settings = (
        previous.settings if args.threshold is None else replace(previous.settings, threshold=args.threshold)
    )
    settings = _with_semantic(args, settings)
    return _realign(args, previous, list(previous.documents), settings, expected, embeddings)


def _with_semantic(args: argparse.Namespace, settings: AlignSettings) -> AlignSettings:
    return settings if args.semantic is None else replace(settings, semantic=args.semantic)


def _realign(
    args: argparse.Namespace,
    previous: Comparison,
    documents: list,
    settings: AlignSettings,
    expected: FileStamp | None,
    embeddings: ProjectEmbeddingCache,
) -> int:
    fresh, run = _timed_align(documents, settings, embeddings)
    comparison = carry_user_edits(fresh, previous)
    save_comparison(
        args.file, comparison, author=args.author, run=run, expected=expected, embeddings=embeddings
    )
    kept, before = _edits(comparison), _edits(previous)
    print(summary(args.file, comparison))
    if kept < before:
        print(f"{before - kept} of {before} edits no longer apply (their claims changed) and were dropped")
    return EXIT_OK


def _timed_align(
    documents: list, settings: AlignSettings, embeddings: ProjectEmbeddingCache
) -> tuple[Comparison, RunTimes]:
    started = _now()
    comparison = workflows.align(documents, settings, cache=embeddings, notice=print_notice)
    return comparison, RunTimes(started_at=started, finished_at=_now())


def _info(args: argparse.Namespace) -> int:
    comparison = open_comparison(args.file)
    info = read_project_info(args.file)
    print(summary(args.file, comparison))
    by = f" by {clip(info['saved_by'], 40)}" if info.get("saved_by") else ""
    engine = clip(comparison.engine_version or "?", 60)
    print(
        f"saved {info.get('saved_at', '?')}{by}; engine {engine}, threshold {comparison.settings.threshold}"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    out = args.json or args.csv or args.html
    refuse_inputs(out, [args.file])
    comparison = open_comparison(args.file)
    write = write_json if args.json else write_html_report if args.html else links_csv
    write(comparison, out, inputs=[args.file])
    print(f"wrote {out}")
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    report = merge_files(args.file, args.other, author=args.author)
    print(f"{args.file}: {report.summary()}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    problems = check_file(args.file)
    for problem in problems:
        print(f"{args.file}: {clip(problem, 300)}")
    if not problems:
        print(f"{args.file}: OK")
    return EXIT_PROBLEMS if problems else EXIT_OK


def summary(path: Path, comparison: Comparison) -> str:
    """One line for the project, one per document: what the file holds."""
    statuses = {s: sum(1 for lk in comparison.links if lk.status is s) for s in LinkStatus}
    lines = [
        f"{path}: {len(comparison.documents)} documents, {len(comparison.claims)} claims, "
        f"{len(comparison.links)} links ({', '.join(f'{n} {s}' for s, n in statuses.items())}), "
        f"{len(comparison.annotations)} annotations"
    ]
    counts = comparison.counts()
    for d in comparison.documents:
        role = "base" if d is comparison.base else _ACCOUNT.format(**counts[d.id])
        lines.append(f"  {d.id}  {clip(d.title, 50)}: {len(comparison.claims_of(d.id))} claims; {role}")
    return "\n".join(lines)


def _edits(comparison: Comparison) -> int:
    reviewed = sum(1 for lk in comparison.links if lk.status is not LinkStatus.MACHINE)
    return reviewed + len(comparison.annotations)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
