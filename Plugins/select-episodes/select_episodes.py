#!/usr/bin/env python3
"""A Quire filter, written only against docs/plugin-protocol.md (Filters).

Reads the model as Quire JSON on standard input and writes it back with only the episodes that
match the query (or without them, with select=drop). The query is read from QUIRE_OPTIONS; an
episode matches when it passes every part given:

  select-channel   its channel is one of these (case, Unicode width and runs of spaces ignored)
  since / until    its published date is in the range, both ends included (YYYY-MM-DD); an episode
                   without a readable date matches only with undated=match
  select-language  its language is one of these or a variant (BCP 47 prefix: zh matches zh-Hans)

Channels no remaining episode belongs to are dropped too (channels listed without episodes stay).
Everything else in the model passes through unchanged, including fields this filter does not know.
"""
import datetime
import email.utils
import json
import os
import re
import sys
import unicodedata

ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def report(severity, message, identifier):
    entry = {"severity": severity, "message": message, "id": identifier}
    sys.stderr.write(json.dumps(entry, ensure_ascii=False) + "\n")


def values(options, key):
    """A repeatable setting arrives as a list; tolerate one string too."""
    value = options.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def channel_key(name):
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def language_matches(language, wanted):
    language = language.replace("_", "-").casefold()
    return any(language == w or language.startswith(w + "-") for w in wanted)


def parse_date(text):
    """The calendar date an episode was published on, as written (no time zone conversion)."""
    if not isinstance(text, str) or not text.strip():
        return None
    match = ISO_DATE.match(text)
    try:
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def query_date(options, key):
    text = options.get(key)
    if text is None or text == "":
        return None
    match = ISO_DATE.match(text)
    date = None
    if match and len(text.strip()) >= 10:
        try:
            date = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            date = None
    if date is None:
        report("error", f"setting '{key}': '{text}' is not a date (YYYY-MM-DD)", "bad-date")
        sys.exit(2)
    return date


def main():
    options = json.loads(os.environ.get("QUIRE_OPTIONS") or "{}")
    mode = options.get("select", "keep")
    channels = {channel_key(c) for c in values(options, "select-channel")}
    languages = [l.replace("_", "-").casefold() for l in values(options, "select-language")]
    since, until = query_date(options, "since"), query_date(options, "until")
    if since and until and since > until:
        report("error", f"setting 'since' ({since}) is after 'until' ({until}): no date is in that range", "bad-range")
        sys.exit(2)
    undated_matches = options.get("undated", "no-match") == "match"

    model = json.load(sys.stdin)
    unreadable = []

    def matches(episode):
        if channels and channel_key(episode.get("channel") or "") not in channels:
            return False
        if languages and not language_matches(episode.get("language") or "", languages):
            return False
        if since or until:
            date = parse_date(episode.get("published"))
            if date is None:
                if episode.get("published"):
                    unreadable.append(episode.get("published"))
                return undated_matches
            if (since and date < since) or (until and date > until):
                return False
        return True

    episodes = model.get("episodes", [])
    kept = [e for e in episodes if matches(e) == (mode == "keep")]
    named_before = {e.get("channel") for e in episodes}
    named_after = {e.get("channel") for e in kept}
    model["episodes"] = kept
    model["channels"] = [c for c in model.get("channels", []) if c.get("title") in named_after or c.get("title") not in named_before]
    for text in sorted(set(unreadable)):
        report("warning", f"published date '{text}' is not one this filter reads; the episode counts as undated", "unreadable-date")
    report("note", f"kept {len(kept)} of {len(episodes)} episodes", "summary")
    json.dump(model, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
