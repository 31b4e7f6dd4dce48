#!/usr/bin/env python3
"""A Quire filter, written only against docs/plugin-protocol.md (Filters).

Reads the model as Quire JSON on standard input and writes it back with entity names normalised
across the whole collection: names that are the same once Unicode-normalised (NFKC, so full-width
ＯｐｅｎＡＩ is OpenAI), case-folded and stripped of spaces and of the marks that only join a
name's parts (Open-AI, open_ai, A.I.) are one entity, spelled the way the collection spells it
most often (ties: the spelling seen first, in episode order). Other punctuation is part of the
name: C#, C++, AT&T, .NET and F# stay apart from C, ATT, NET and F.

Within one episode, entities that become the same name merge into the first: its type is kept
(or the first non-empty one), each distinct description is kept (joined by a line break), distinct
roles are joined with ", ", and the first link is kept (others are reported). Fields this filter
does not know pass through unchanged.
"""
import json
import sys
import unicodedata


def report(severity, message, identifier):
    entry = {"severity": severity, "message": message, "id": identifier}
    sys.stderr.write(json.dumps(entry, ensure_ascii=False) + "\n")


# Marks that join the parts of one name without changing what it names: `Open-AI`, `open_ai`,
# `A.I.`, `萨姆·奥尔特曼`, `O’Reilly`. They fold away only between letters or digits, so `C#`, `C++`,
# `AT&T`, `.NET` and `F#` stay apart from `C`, `ATT`, `NET` and `F`.
JOINERS = set("-_'\u2019\u02bc\u2010\u2011\u2012\u2013\u2014")
# Dots and middle dots fold between letters and after a name's last letter (`A.I.`, `Inc.`), never
# next to a digit: `GPT-3.5` is not `GPT-35`.
DOTS = set(".\u00b7\u30fb")


def name_key(name):
    """What makes two spellings one name: NFKC, case folding, no spaces or format characters (Cf),
    and no joiners or dots inside a word. Other punctuation (# + & and a leading dot) is part of the name."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    chars = [c for c in folded if unicodedata.category(c)[0] != "Z" and unicodedata.category(c) != "Cf" and not c.isspace()]
    key = []
    for index, c in enumerate(chars):
        before = chars[index - 1] if index > 0 else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if c in JOINERS and before.isalnum() and after.isalnum():
            continue
        if c in DOTS and before.isalpha() and (after.isalpha() or after == ""):
            continue
        key.append(c)
    return "".join(key) or folded.strip()


def choose_spellings(episodes):
    """The spelling each key takes: the most frequent, ties to the first seen."""
    counts, first_seen = {}, {}
    order = 0
    for episode in episodes:
        for entity in episode.get("entities", []):
            spelling = (entity.get("name") or "").strip()
            key = name_key(spelling)
            counts.setdefault(key, {})
            counts[key][spelling] = counts[key].get(spelling, 0) + 1
            first_seen.setdefault((key, spelling), order)
            order += 1
    return {
        key: max(spellings, key=lambda s: (spellings[s], -first_seen[(key, s)]))
        for key, spellings in counts.items()
    }, counts


def merge_into(kept, other, episode_title):
    if not kept.get("type") and other.get("type"):
        kept["type"] = other["type"]
        kept.pop("kind", None)
    descriptions = [d for d in (kept.get("description") or "").split("\n") if d]
    for line in (other.get("description") or "").split("\n"):
        if line and line not in descriptions:
            descriptions.append(line)
    kept["description"] = "\n".join(descriptions)
    roles = [r.strip() for r in (kept.get("role") or "").split(",") if r.strip()]
    for role in (other.get("role") or "").split(","):
        if role.strip() and role.strip() not in roles:
            roles.append(role.strip())
    if roles:
        kept["role"] = ", ".join(roles)
    if other.get("url"):
        if not kept.get("url"):
            kept["url"] = other["url"]
        elif other["url"] != kept["url"]:
            report("warning", f"'{episode_title}': kept {kept['name']}'s link {kept['url']}, not {other['url']}", "link-dropped")
    for field, value in other.items():
        kept.setdefault(field, value)


def main():
    model = json.load(sys.stdin)
    episodes = model.get("episodes", [])
    spelling, counts = choose_spellings(episodes)
    merged = 0
    for episode in episodes:
        entities = []
        by_key = {}
        for entity in episode.get("entities", []):
            key = name_key((entity.get("name") or "").strip())
            entity["name"] = spelling[key]
            if key in by_key:
                merge_into(by_key[key], entity, episode.get("title", ""))
                merged += 1
                continue
            by_key[key] = entity
            entities.append(entity)
        if "entities" in episode:
            episode["entities"] = entities
    for key in sorted(counts, key=lambda k: spelling[k]):
        variants = sorted(s for s in counts[key] if s != spelling[key])
        if variants:
            report("note", f"{', '.join(repr(v) for v in variants)} → {spelling[key]!r}", "renamed")
    if merged:
        report("note", f"merged {merged} duplicate entities within episodes", "merged")
    json.dump(model, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
