#!/usr/bin/env python3
"""A Quire plugin in Python, written only against docs/plugin-protocol.md.

Reads a video description holding a chapter list, as YouTube shows them:

    How bread rises
    A short talk about yeast.

    0:00 Intro
    1:36 – Why steam matters
    1:05:26 Closing

The first line is the episode title, other lines without a timestamp are its summary, and each
timestamped line is a chapter. Writes Quire JSON on standard output; problems go to standard
error as JSON lines with the line and column they concern.
"""
import json
import re
import sys

TIMESTAMP = re.compile(r"^\s*\(?(\d{1,2}:)?(\d{1,3}):(\d{2})\)?\s*(?:[-–—:|]\s*)?(.*)$")


def report(severity, message, line=None, identifier="chapters"):
    entry = {"severity": severity, "message": message, "id": identifier}
    if line is not None:
        entry["line"], entry["column"] = line, 1
    sys.stderr.write(json.dumps(entry, ensure_ascii=False) + "\n")


def main():
    text = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    title, summary, chapters = None, [], []
    for number, line in enumerate(text.split("\n"), start=1):
        match = TIMESTAMP.match(line)
        if match:
            hours, minutes, seconds, heading = match.groups()
            if int(seconds) > 59 or (hours and int(minutes) > 59):
                report("warning", f"'{line.strip()}' is not a timestamp; kept as text", number)
                summary.append(line.strip())
                continue
            start = int(hours[:-1] if hours else 0) * 3600 + int(minutes) * 60 + int(seconds)
            if chapters and start <= chapters[-1]["start"]:
                report("warning", f"chapter at line {number} starts before the one before it; kept as written", number)
            chapters.append({"start": start, "title": heading.strip(), "body": "", "quotes": []})
        elif line.strip():
            if title is None:
                title = line.strip()
            else:
                summary.append(line.strip())
    if not chapters:
        report("warning", "found no timestamped chapter lines")
    model = {
        "schemaVersion": 1,
        "title": None,
        "preamble": [],
        "channels": [],
        "episodes": [{
            "title": title or "",
            "summary": "\n\n".join(summary),
            "chapters": chapters,
            "entities": [],
        }],
    }
    sys.stdout.write(json.dumps(model, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
