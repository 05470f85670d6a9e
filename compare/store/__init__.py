"""Project files: one SQLite file per comparison, safe to receive from anyone.

The only package with SQL. It stores results, never computes them (no imports from ``compare.text`` or
``compare.align``). The public API:

- ``save_comparison(path, comparison, *, author="", embeddings=None)``: atomic save with ``.bak``.
- ``open_comparison(path, *, embeddings=None)``: checked open (untrusted files), upgrading older files.
- ``ProjectEmbeddingCache``: the claim embeddings kept in a project file (the semantic scorer's cache).
- ``open_for_update(path)`` -> (comparison, stamp) and ``save_comparison(..., expected=stamp)``: a save
  that refuses to replace a file someone else saved meanwhile (one writer at a time, see ``lock``).
- ``check_file(path) -> list[str]``: the problems ``open_comparison`` would refuse the file for.
- ``read_project_info(path) -> dict``: who saved it, when, with which app version.
- ``merge_comparisons(mine, theirs)`` and ``merge_files(mine_path, theirs_path) -> MergeReport``.
- ``Journal`` / ``autosave`` / ``recover`` / ``discard_autosave``: the crash journal.
- ``RecoveryFolder``: autosaves of comparisons never saved as a file, offered again after a crash.
- ``search_claims(path_or_conn, query)`` and ``memory_index(comparison)``: full-text search of claims.

Errors are subclasses of ``StoreError`` (itself a ``compare.model.CompareError``); see ``errors``.
The file format is described in docs/project-file.md.

Modules, by what a caller does: ``open`` (check an untrusted file, upgrade it, read it; rows come from
``read``), ``save`` (atomic replace with ``.bak``; tables written by ``write``, which also reads back what a
save keeps from the file it replaces), ``check`` (the rules every saved comparison obeys), ``merge``,
``search``, ``recovery`` (autosave journal and recovery folder), ``lock`` (one writer at a time),
``embeddings`` (cached vectors); underneath them ``schema``
(the format and the locked-down connection), ``codec`` (JSON columns), ``limits`` and ``errors``.
"""

from compare.store.embeddings import ProjectEmbeddingCache
from compare.store.errors import (
    CorruptProject,
    InvalidData,
    LimitExceeded,
    MigrationFailed,
    NotAProject,
    ProjectBusy,
    ProjectChanged,
    ProjectExists,
    ProjectNotFound,
    SaveFailed,
    SchemaTooNew,
    StoreError,
    UnsafeSchema,
)
from compare.store.lock import FileStamp, stamp_of
from compare.store.merge import MergeReport, merge_comparisons, merge_files
from compare.store.open import check_file, open_comparison, open_for_update, read_project_info
from compare.store.recovery import Journal, RecoveryFolder, autosave, discard_autosave, recover
from compare.store.save import save_comparison
from compare.store.search import memory_index, search_claims
from compare.store.write import RunTimes

__all__ = [
    "CorruptProject",
    "InvalidData",
    "Journal",
    "LimitExceeded",
    "MergeReport",
    "MigrationFailed",
    "FileStamp",
    "NotAProject",
    "ProjectBusy",
    "ProjectChanged",
    "ProjectEmbeddingCache",
    "ProjectExists",
    "ProjectNotFound",
    "RecoveryFolder",
    "RunTimes",
    "SaveFailed",
    "SchemaTooNew",
    "StoreError",
    "UnsafeSchema",
    "autosave",
    "check_file",
    "discard_autosave",
    "memory_index",
    "merge_comparisons",
    "merge_files",
    "open_comparison",
    "open_for_update",
    "read_project_info",
    "recover",
    "save_comparison",
    "search_claims",
    "stamp_of",
]
