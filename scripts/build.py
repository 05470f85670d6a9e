"""Build the standalone app with PyInstaller: ``python scripts/build.py [--onefile] [--clean]``.

Run from anywhere (the repository is found from this file). Needs the ``build`` extra
(``pip install -e '.[build]'``). Prints where the app went, how long the build took and how big it is.

The module also holds the helpers that ``build.spec`` calls to trim the bundle (Qt plugin and translation
filter, orphan-library pruning, selective ``strip``, a smaller ICU data library). They are plain functions of
PyInstaller's TOC tuples ``(dest_name, src_path, typecode)`` so they can be unit-tested without a build.
No Qt, no PyInstaller and nothing of ``compare`` imported here: the spec loads this file inside
PyInstaller's process, and it lives outside the package so that the app can never import it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_NAME = "narrative-compare"
SPEC = REPO / "build.spec"

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (dest_name, src_path, typecode)
Log = Callable[[str], None]

# --------------------------------------------------------------------------------------------------------------
# Qt plugins and translations
# --------------------------------------------------------------------------------------------------------------
QT_PREFIX = "PySide6/Qt/"

#: Plugin folders that are kept, with the file names kept in each (``None``: all of them). Everything else that
#: PyInstaller's PySide6 hooks collect is dropped; the reasons are in docs/packaging.md.
QT_KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb: X11 desktops, and Wayland desktops through XWayland. offscreen: CI and --self-test.
    # minimal: a no-op platform (30 kB) some headless tools ask for.
    "platforms": {
        "libqxcb.so",
        "libqoffscreen.so",
        "libqminimal.so",
        "qwindows.dll",
        "qoffscreen.dll",
        "qminimal.dll",
        "libqcocoa.dylib",
        "libqoffscreen.dylib",
        "libqminimal.dylib",
    },
    # PNG is built into QtGui. ICO: the window icon on Windows only. SVG: the app's icons.
    "imageformats": {"libqsvg.so", "qico.dll", "qsvg.dll", "libqsvg.dylib"},
    "iconengines": {"libqsvgicon.so", "qsvgicon.dll", "libqsvgicon.dylib"},
    # Compose / dead keys (accented names typed into the search box) and IBus (CJK input methods).
    # Both link only Qt libraries that are bundled anyway (QtGui, QtDBus).
    "platforminputcontexts": {
        "libcomposeplatforminputcontextplugin.so",
        "libibusplatforminputcontextplugin.so",
    },
    # Native widget styles on Windows / macOS.
    "styles": None,
}


def keep_qt_file(dest: str) -> bool:
    """Whether a bundled file (by its destination path) survives the Qt filter."""
    dest = dest.replace("\\", "/")
    if not dest.startswith(QT_PREFIX):
        return True
    rest = dest[len(QT_PREFIX) :]
    if rest.startswith("translations/"):
        return False  # the UI is English only; Qt's own strings (dialog buttons) fall back to English
    if rest.startswith("plugins/"):
        parts = rest.split("/")
        if len(parts) < 3:
            return True
        keep = QT_KEEP_PLUGINS.get(parts[1], set())
        return keep is None or parts[-1] in keep
    return True


# --------------------------------------------------------------------------------------------------------------
# ELF helpers (Linux only; everything returns "no information" for other files)
# --------------------------------------------------------------------------------------------------------------
SHT_SYMTAB, SHT_STRTAB, SHT_DYNAMIC, SHT_DYNSYM = 2, 3, 6, 11
PT_LOAD = 1
PAGE = 4096


def _read_elf64(path: str | os.PathLike) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # 64-bit, little-endian
        return None
    return data


def _sections(data: bytes) -> list[tuple]:
    (e_shoff,) = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    return [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]


def _cstr(data: bytes, pos: int) -> str:
    return data[pos : data.index(b"\0", pos)].decode("utf-8", "replace")


def elf_needed(path: str | os.PathLike) -> list[str]:
    """The DT_NEEDED entries (linked shared libraries) of an ELF file; [] for anything else."""
    data = _read_elf64(path)
    if data is None:
        return []
    sections = _sections(data)
    out = []
    for sh in sections:
        if sh[1] != SHT_DYNAMIC:
            continue
        strtab_off = sections[sh[6]][4]
        for pos in range(sh[4], sh[4] + sh[5], 16):
            tag, val = struct.unpack_from("<qQ", data, pos)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                out.append(_cstr(data, strtab_off + val))
    return out


def elf_has_symtab(path: str | os.PathLike) -> bool:
    """Whether an ELF file still carries a full symbol table (i.e. ``strip`` would shrink it)."""
    data = _read_elf64(path)
    return data is not None and any(sh[1] == SHT_SYMTAB for sh in _sections(data))


def elf_loadable(path: str | os.PathLike) -> bool:
    """The two PT_LOAD alignment checks glibc's loader makes (``strip`` can break them on patchelf'ed files)."""
    data = _read_elf64(path)
    if data is None:
        return False
    (e_phoff,) = struct.unpack_from("<Q", data, 0x20)
    e_phentsize, e_phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(e_phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, _filesz, _memsz, p_align = struct.unpack_from(
            "<IIQQQQQQ", data, e_phoff + i * e_phentsize
        )
        if p_type != PT_LOAD:
            continue
        if (p_vaddr - p_offset) % PAGE or (p_align > 1 and (p_vaddr - p_offset) % p_align):
            return False
    return True


# --------------------------------------------------------------------------------------------------------------
# Pruning, stripping
# --------------------------------------------------------------------------------------------------------------
#: Shared libraries left to the target system even when a collected binary links them: libdbus-1 talks to the
#: system's D-Bus daemon and drags libsystemd, libgcrypt, liblz4, libcap along; every desktop has it.
SYSTEM_LIBRARIES = {"libdbus-1.so.3"}


def prune_orphan_libraries(binaries: Iterable[Entry], log: Log = print) -> list[Entry]:
    """Drop shared libraries that no kept extension module, Qt plugin or library links to.

    Only two kinds of library can be dropped: system libraries that PyInstaller's dependency analysis put at
    the top of the bundle, and Qt's own libraries (PySide6/Qt/lib). A library inside another package's folder
    stays, as the package may load it by path (onnxruntime's provider bridge does). Roots are what Python or
    Qt load by path (extension modules, plugins) and the Python library. On platforms other than Linux the
    list comes back unchanged.
    """
    binaries = list(binaries)
    if not sys.platform.startswith("linux"):
        return binaries
    binaries = [e for e in binaries if os.path.basename(e[0]) not in SYSTEM_LIBRARIES]
    by_base: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_base.setdefault(os.path.basename(entry[0]), []).append(entry)

    def prunable(dest: str) -> bool:
        dest = dest.replace("\\", "/")
        return "/" not in dest or dest.startswith(QT_PREFIX + "lib/")

    roots = [
        e
        for e in binaries
        if e[2] == "EXTENSION"
        or not prunable(e[0])
        or "/plugins/" in e[0].replace("\\", "/")
        or os.path.basename(e[0]).startswith("libpython")
    ]
    seen = {e[0] for e in roots}
    todo = list(roots)
    while todo:
        for lib in elf_needed(todo.pop()[1]):
            for entry in by_base.get(lib, ()):
                if entry[0] not in seen:
                    seen.add(entry[0])
                    todo.append(entry)
    dropped = sorted(e[0] for e in binaries if e[0] not in seen)
    if dropped:
        log(f"build.spec: dropped {len(dropped)} libraries nothing kept links to: {', '.join(dropped)}")
    return [e for e in binaries if e[0] in seen]


def drop_dangling_symlinks(
    datas: Iterable[Entry], binaries: Iterable[Entry], log: Log = print
) -> list[Entry]:
    """Drop SYMLINK entries (PyInstaller links ``_internal/libQt6Network.so.6`` to the copy under PySide6/) whose
    target was filtered out."""
    datas = list(datas)
    present = {os.path.normpath(e[0]) for e in binaries} | {os.path.normpath(e[0]) for e in datas}
    out = []
    for dest, src, typ in datas:
        if typ == "SYMLINK" and os.path.normpath(os.path.join(os.path.dirname(dest), src)) not in present:
            continue
        out.append((dest, src, typ))
    if len(out) != len(datas):
        log(f"build.spec: dropped {len(datas) - len(out)} symbolic links to dropped files")
    return out


def strip_binaries(binaries: Iterable[Entry], workdir: Path, log: Log = print) -> list[Entry]:
    """Replace unstripped ELF files by stripped copies in ``workdir``, except where stripping would leave a
    file the loader rejects (auditwheel/patchelf-rewritten libraries such as numpy's OpenBLAS): those keep
    their original. PyInstaller's own ``strip=True`` strips everything and breaks numpy."""
    binaries = list(binaries)
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        log("build.spec: not stripping (not Linux, or no `strip` on PATH)")
        return binaries
    out, saved, kept = [], 0, []
    for dest, src, typ in binaries:
        if typ not in ("BINARY", "EXTENSION") or not elf_has_symtab(src):
            out.append((dest, src, typ))
            continue
        target = workdir / "stripped" / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        result = subprocess.run([strip, "--strip-unneeded", str(target)], capture_output=True, text=True)
        if result.returncode != 0 or not elf_loadable(target):
            kept.append(dest)
            out.append((dest, src, typ))
            continue
        saved += os.path.getsize(src) - os.path.getsize(target)
        out.append((dest, str(target), typ))
    log(
        f"build.spec: strip saved {saved / 1e6:.1f} MB"
        + (f"; left unstripped: {', '.join(kept)}" if kept else "")
    )
    return out


# --------------------------------------------------------------------------------------------------------------
# ICU data
# --------------------------------------------------------------------------------------------------------------
# libQt6Core links ICU, whose data library (libicudata.so.73) is 31 MB: the CLDR data of every locale, 190
# character-set converters, the CJK/Thai/Khmer word-break dictionaries, transliterators. Qt 6 has its own CLDR
# tables (QLocale), its own Unicode tables and text boundaries, its own IDNA. It calls ICU for QCollator
# (locale-aware sorting), for legacy codecs in QStringConverter, and for a few time-zone look-ups. So the data
# is rebuilt with what those need and the rest dropped; any item that is missing makes ICU return an error,
# which Qt handles (falls back), never a crash. Rule set:
ICU_KEEP_SUBTREES = {"coll"}  # collation: every language's tailoring (3 MB), so QCollator sorts correctly
ICU_DROP_SUBTREES = {"translit"}  # transliterators: unused by Qt
ICU_MAX_CONVERTER = (
    16_000  # single-byte code pages (Windows-125x, ISO-8859-x, IBM...): kept; CJK multi-byte: dropped
)
_LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_ALWAYS = {"root", "pool", "res_index"}


def keep_icu_item(name: str, size: int) -> bool:
    """Whether an item of ICU's common data (``icudt73l/coll/de.res``, ...) is kept."""
    parts = name.split("/")[1:]  # drop the "icudt73l" package prefix
    if not parts:
        return False
    stem, ext = os.path.splitext(parts[-1])
    english_or_base = stem in _ALWAYS or stem == "en" or stem.startswith("en_")
    if len(parts) > 1:  # a subtree: brkitr, coll, curr, lang, rbnf, region, translit, unit, zone
        tree = parts[0]
        if tree in ICU_KEEP_SUBTREES:
            return True
        if tree in ICU_DROP_SUBTREES:
            return False
        if tree == "brkitr":  # break-iterator rules stay, the big CJK/Thai/Khmer/Lao/Burmese dictionaries go
            return ext != ".dict"
        return english_or_base  # display names of languages, regions, currencies, units, zones, spellout
    if ext == ".cnv":
        return size <= ICU_MAX_CONVERTER
    if ext == ".res" and _LOCALE_ID.match(stem):  # a locale's formatting data (Qt formats with its own CLDR)
        return english_or_base
    return True  # supplemental data, time zones, normalization, names, stringprep, converter aliases


def _icu_data_symbol(data: bytes) -> tuple[str, int, int] | None:
    """(symbol name, file offset, size) of ``icudtNN_dat`` in an ICU data library."""
    sections = _sections(data)
    for sh in sections:
        if sh[1] != SHT_DYNSYM:
            continue
        strtab_off = sections[sh[6]][4]
        for pos in range(sh[4], sh[4] + sh[5], 24):
            st_name, _info, _other, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", data, pos)
            name = _cstr(data, strtab_off + st_name)
            if re.fullmatch(r"icudt\d+_dat", name) and 0 < st_shndx < len(sections):
                sec = sections[st_shndx]
                return name, sec[4] + (st_value - sec[3]), st_size
    return None


def subset_icu_common_data(dat: bytes, keep: Callable[[str, int], bool]) -> tuple[bytes, int, int]:
    """Rewrite an ICU common-data package ("CmnD", offset table of contents) keeping the items ``keep``
    accepts. Returns (new package, items kept, items before)."""
    (header_size,) = struct.unpack_from("<H", dat, 0)
    if dat[2:4] != b"\xda\x27" or dat[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", dat, toc)
    entries = [struct.unpack_from("<II", dat, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(dat) - toc
        name = _cstr(dat, toc + name_off)
        if keep(name, end - data_off):
            items.append((name, dat[toc + data_off : toc + end]))
    # Layout as ICU's pkgdata writes it: count, (name offset, data offset)*, names, 16-byte aligned items.
    # Offsets count from the start of the table of contents; names stay sorted (ICU binary-searches them).
    names_start = 4 + 8 * len(items)
    name_offsets, names_blob = [], b""
    for name, _ in items:
        name_offsets.append(names_start + len(names_blob))
        names_blob += name.encode() + b"\0"
    pos = names_start + len(names_blob)
    pos += -(toc + pos) % 16
    data_offsets, body = [], b""
    for _, blob in items:
        data_offsets.append(pos + len(body))
        body += blob + b"\0" * (-len(blob) % 16)
    table = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    out = dat[:header_size] + table + names_blob
    out += b"\0" * (toc + data_offsets[0] - len(out)) if items else b""
    return out + body, len(items), count


def trim_icu_data(binaries: Iterable[Entry], workdir: Path, log: Log = print) -> list[Entry]:
    """Swap the bundled libicudata for one built from a subset of its data (see ``keep_icu_item``).

    Assembles the new library with binutils (``as`` and ``ld``, the package that also provides ``strip``);
    without them, or for anything unexpected, the original stays and the bundle is 25 MB bigger.
    """
    binaries = list(binaries)
    tools = (shutil.which("as"), shutil.which("ld"))
    out = []
    for dest, src, typ in binaries:
        base = os.path.basename(dest)
        if not re.fullmatch(r"libicudata\.so\.\d+", base):
            out.append((dest, src, typ))
            continue
        new_src = None
        if None in tools or not sys.platform.startswith("linux"):
            log("build.spec: ICU data kept whole (no `as` / `ld` on PATH: install binutils)")
        else:
            try:
                new_src = _build_icu_library(Path(src), base, workdir / "icu", tools, log)
            except (OSError, ValueError, subprocess.CalledProcessError) as exc:
                log(f"build.spec: ICU data kept whole ({exc})")
        out.append((dest, str(new_src) if new_src else src, typ))
    return out


def _build_icu_library(src: Path, soname: str, outdir: Path, tools: tuple[str, str], log: Log) -> Path:
    data = _read_elf64(src)
    found = _icu_data_symbol(data) if data else None
    if found is None:
        raise ValueError(f"no icudtNN_dat symbol in {src}")
    symbol, offset, size = found
    subset, kept, total = subset_icu_common_data(data[offset : offset + size], keep_icu_item)
    outdir.mkdir(parents=True, exist_ok=True)
    dat, asm, obj, target = (outdir / n for n in ("icudata.dat", "icudata.s", "icudata.o", soname))
    dat.write_bytes(subset)
    asm.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n"
        f'\t.incbin "{dat}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    assembler, linker = tools
    subprocess.run([assembler, "-o", str(obj), str(asm)], check=True, capture_output=True, text=True)
    subprocess.run(
        [linker, "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(target), str(obj)],
        check=True,
        capture_output=True,
        text=True,
    )
    if _icu_data_symbol(_read_elf64(target) or b"") is None:
        raise ValueError("the rebuilt ICU data library does not export its data symbol")
    log(f"build.spec: ICU data {size / 1e6:.1f} MB -> {len(subset) / 1e6:.1f} MB ({kept} of {total} items)")
    return target


# --------------------------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------------------------
def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of a file or folder, symlinks counted as links (as ``du --apparent-size`` does)."""
    if path.is_file():
        return path.stat().st_size, 1
    total = files = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            total += os.lstat(os.path.join(root, name)).st_size
            files += 1
    return total, files


def build(
    onefile: bool = False,
    clean: bool = False,
    distpath: Path | None = None,
    workpath: Path | None = None,
    quiet: bool = False,
) -> Path:
    """Run PyInstaller on build.spec; return the path of the app (folder, or file with ``onefile``)."""
    distpath = distpath or REPO / "dist" / ("onefile" if onefile else "")
    workpath = workpath or REPO / "build"
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
    ]
    if clean:
        cmd.append("--clean")
    if quiet:
        cmd += ["--log-level", "WARN"]
    cmd.append(str(SPEC))
    env = dict(os.environ, NC_ONEFILE="1" if onefile else "0")
    subprocess.run(cmd, cwd=REPO, env=env, check=True)
    return distpath / APP_NAME


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--onefile", action="store_true", help="one self-extracting executable (dist/onefile/)"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache and build/ first")
    parser.add_argument("--distpath", type=Path, help="where the app goes (default: dist/ or dist/onefile/)")
    parser.add_argument("--workpath", type=Path, help="PyInstaller's work folder (default: build/)")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings and errors")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        print("build.py: PyInstaller is not installed; pip install -e '.[build]'", file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        app = build(args.onefile, args.clean, args.distpath, args.workpath, args.quiet)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    size, files = tree_size(app)
    exe = app if args.onefile else app / APP_NAME
    print(
        f"built {exe} in {seconds:.1f} s: {size / 1e6:.1f} MB"
        + ("" if args.onefile else f" in {files} files")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
