#!/usr/bin/env python3
"""A Quire plugin that hands Quire's EPUB to calibre, written only against docs/plugin-protocol.md.

Quire runs `calibre_bridge.py epub azw3` (or `mobi`, `pdf`) with the EPUB on standard input. The
plugin writes it to a private temporary folder, runs calibre's `ebook-convert in.epub out.EXT`, copies
the result to standard output and removes the folder. Problems go to standard error as JSON lines.

`ebook-convert` is looked up as $QUIRE_EBOOK_CONVERT, else on PATH. Only Python's standard library.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

TARGETS = {"azw3", "mobi", "pdf"}
TEMP_PREFIX = "quire-calibre-"
# Quire stops a plugin that overruns its time with SIGKILL, which leaves no chance to clean up: the
# next run removes such leftovers once they are clearly abandoned.
STALE_AFTER_SECONDS = 6 * 3600
# Noto CJK's regional cuts share every glyph but draw Han characters the way each region does; the
# book's language picks one (Hangul and kana are in all of them).
CJK_REGIONS = {"zh": "SC", "zh-tw": "TC", "zh-hant": "TC", "zh-hk": "HK", "ja": "JP", "ko": "KR"}


def report(severity, message, identifier):
    entry = {"severity": severity, "message": message, "id": identifier}
    sys.stderr.write(json.dumps(entry, ensure_ascii=False) + "\n")


def fail(message, identifier, status=1):
    report("error", message, identifier)
    sys.exit(status)


def find_ebook_convert():
    configured = os.environ.get("QUIRE_EBOOK_CONVERT")
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        fail(f"QUIRE_EBOOK_CONVERT is set to '{configured}', which is not an executable file", "calibre-missing", 3)
    found = shutil.which("ebook-convert")
    if found is None:
        fail("calibre's ebook-convert was not found on PATH; install calibre (apt install calibre) or set QUIRE_EBOOK_CONVERT "
             "to its path", "calibre-missing", 3)
    return found


def book_language(epub_path):
    """The first dc:language of the EPUB's package document, lowercased, or '' when there is none."""
    try:
        with zipfile.ZipFile(epub_path) as book:
            container = book.read("META-INF/container.xml").decode("utf-8", "replace")
            match = re.search(r'full-path="([^"]+)"', container)
            if not match:
                return ""
            package = book.read(match.group(1)).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    language = re.search(r"<dc:language[^>]*>\s*([^<\s]+)\s*</dc:language>", package)
    return language.group(1).lower() if language else ""


def cjk_family(kind, language):
    region = CJK_REGIONS.get(language) or CJK_REGIONS.get(language.split("-")[0], "SC")
    return f"Noto {kind} CJK {region}"


def options(target, epub_path, settings):
    if target == "azw3":
        return ["--output-profile", "kindle_pw3"]
    if target == "mobi":
        # "old" is MOBI 6 alone, what every Kindle reads; "both" would add a KF8 copy that AZW3 already is.
        return ["--output-profile", "kindle", "--mobi-file-type", "old"]
    language = book_language(epub_path)
    margins = []
    for side in ("left", "right", "top", "bottom"):
        margins += [f"--pdf-page-margin-{side}", "54"]
    # Chinese, Japanese and Korean text prints only with a font that has their glyphs: name Noto CJK
    # for every family, since it covers Latin too.
    return ["--paper-size", settings.get("paper-size", "a5"), "--pdf-page-numbers", "--pdf-default-font-size", "13",
            "--pdf-serif-family", cjk_family("Serif", language), "--pdf-sans-family", cjk_family("Sans", language),
            "--pdf-standard-font", "serif", "--preserve-cover-aspect-ratio", *margins]


def child_environment(target):
    environment = dict(os.environ)
    if target == "pdf":
        # calibre prints PDFs with Qt WebEngine: it needs no display with the offscreen platform, and
        # Chromium refuses to run as root (CI containers) unless its sandbox is off.
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags = environment.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
            if "--no-sandbox" not in flags.split():
                environment["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    return environment


def remove_stale_folders():
    folder = tempfile.gettempdir()
    now = time.time()
    try:
        names = [name for name in os.listdir(folder) if name.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            if os.stat(path).st_uid == os.getuid() and now - os.stat(path).st_mtime > STALE_AFTER_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass


def failure_summary(output):
    """The lines of ebook-convert's output that say what went wrong (its traceback's last line, errors)."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    telling = [line for line in lines if re.search(r"error|exception|not supported|cannot|failed", line, re.IGNORECASE)]
    return (telling or lines)[-3:]


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "epub" or sys.argv[2] not in TARGETS:
        fail(f"expected the arguments 'epub TARGET' with TARGET one of {', '.join(sorted(TARGETS))}; got {sys.argv[1:]}", "usage", 2)
    target = sys.argv[2]
    try:
        settings = json.loads(os.environ.get("QUIRE_OPTIONS") or "{}")
    except ValueError:
        settings = {}
    executable = find_ebook_convert()
    book = sys.stdin.buffer.read()
    if not book.startswith(b"PK"):
        fail(f"{os.environ.get('QUIRE_INPUT_NAME', 'the input')} is not an EPUB (no ZIP header)", "not-epub")

    remove_stale_folders()
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as work:
        source = os.path.join(work, "in.epub")
        result = os.path.join(work, "out." + target)
        with open(source, "wb") as file:
            file.write(book)
        command = [executable, source, result, *options(target, source, settings)]
        completed = subprocess.run(command, cwd=work, env=child_environment(target), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        log = completed.stdout.decode("utf-8", "replace")
        if completed.returncode != 0 or not os.path.isfile(result) or os.path.getsize(result) == 0:
            summary = " | ".join(failure_summary(log)) or "no output"
            fail(f"ebook-convert failed (exit status {completed.returncode}) converting to {target}: {summary}", "convert-failed")
        with open(result, "rb") as file:
            shutil.copyfileobj(file, sys.stdout.buffer, 1 << 20)
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
