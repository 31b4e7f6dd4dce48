#!/usr/bin/env python3
"""Learns the heading splitter's weights from the training part of the heading corpus.

Run through scripts/train-heading-splitter, which builds the pages and dumps their features first:

    train.py --train TRAIN.jsonl TRAIN.expected.json --heldout HELD.jsonl HELD.expected.json \
             [--report NAME FEATURES.jsonl TRUTH.json]... [--write WEIGHTS.swift]

The model is a conditional log-linear ranker: for each chapter, a softmax over its candidate boundaries,
score = (shared weights + the language group's weights) · features. Training maximizes the probability of
the boundaries the ground truth accepts (its heading, and any acceptable_titles), with L2 regularization
whose strength is chosen by 5-fold cross-validation over training episodes only. The held-out part is
scored, never looked at while fitting or choosing.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

LAMBDAS = [0.1, 0.3, 1.0, 3.0, 10.0]
# Per-language weights are shrunk harder than the shared ones: a language must earn its own corrections.
LANGUAGE_PENALTY = float(os.environ.get("QUIRE_TRAIN_LANGUAGE_PENALTY", 3.0))
LEXICAL_PENALTY = float(os.environ.get("QUIRE_TRAIN_LEXICAL_PENALTY", 3.0))


def load(features_path, truth_path):
    """Chapters whose truth a candidate gives, the chapters none does, and the dump's header."""
    with open(features_path, encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        records = [json.loads(line) for line in handle if line.strip()]
    with open(truth_path, encoding="utf-8") as handle:
        truth = json.load(handle)
    episodes = {episode["index"] - 1: episode for episode in truth["episodes"]}
    chapters, unreachable = [], []
    for record in records:
        episode = episodes.get(record["episode"])
        if episode is None or record["chapter"] >= len(episode["chapters"]):
            continue
        expected = episode["chapters"][record["chapter"]]
        accepted = [expected["title"]] + expected.get("acceptable_titles", [])
        language = episode.get("language", "?")
        label = f"{episode.get('file', episode['index'])} [{expected.get('timestamp', '')}]"
        if not record["named"]:
            if record["headings"][0] not in accepted:
                unreachable.append((language, label))
            continue
        gold = [i for i, heading in enumerate(record["headings"]) if heading in accepted]
        if not gold:
            unreachable.append((language, label))
            continue
        chapters.append({
            "gold": gold, "named": record["named"], "shapes": record["shapes"], "group": record["language"],
            "language": language, "episode": (truth_path, record["episode"]), "label": label,
            "headings": record["headings"], "expected": expected["title"],
        })
    return header, chapters, unreachable


class Model:
    """Weights: shared, then one block per language group, over named features and shape slots."""

    def __init__(self, named_count, shape_count, groups, slot_names=(), excluded=()):
        self.n = named_count
        self.d = named_count + shape_count
        self.groups = groups
        # Slot families left out (QUIRE_TRAIN_EXCLUDE=wordFirst,end3), to measure what each is worth.
        self.excluded = {i for i, name in enumerate(slot_names) if excluded and name.split(":")[0] in excluded}
        # Word identities are many and each is seen rarely: they are shrunk harder than shapes.
        lexical = np.array([named_count + i for i, name in enumerate(slot_names) if name.startswith(("word", "syllable"))], dtype=int)
        self.lexical = np.concatenate([lexical + self.d * b for b in range(1 + len(groups))]) if len(lexical) else lexical

    def size(self):
        return self.d * (1 + len(self.groups))

    def matrix(self, chapters):
        """All candidates of all chapters as rows of one sparse matrix, augmented per language group."""
        rows, cols, vals = [], [], []
        starts, gold_rows = [], []
        row = 0
        for c in chapters:
            starts.append(row)
            block = self.d * (1 + self.groups.index(c["group"])) if c["group"] in self.groups else None
            for i, (named, shapes) in enumerate(zip(c["named"], c["shapes"])):
                for j, value in enumerate(named):
                    if value:
                        rows.append(row); cols.append(j); vals.append(value)
                        if block is not None:
                            rows.append(row); cols.append(block + j); vals.append(value)
                for slot in shapes:
                    if slot in self.excluded:
                        continue
                    rows.append(row); cols.append(self.n + slot); vals.append(1.0)
                    if block is not None:
                        rows.append(row); cols.append(block + self.n + slot); vals.append(1.0)
                if i in c["gold"]:
                    gold_rows.append(row)
                row += 1
        x = sparse.csr_matrix((vals, (rows, cols)), shape=(row, self.size()))
        segment = np.repeat(np.arange(len(starts)), np.diff(starts + [row]))
        gold = np.zeros(row, dtype=bool)
        gold[gold_rows] = True
        return x, np.array(starts), segment, gold

    def loss(self, w, data, lam):
        x, starts, segment, gold = data
        scores = x @ w
        top = np.maximum.reduceat(scores, starts)
        e = np.exp(scores - top[segment])
        z = np.add.reduceat(e, starts)
        p = e / z[segment]
        gold_mass = np.add.reduceat(np.where(gold, p, 0.0), starts)
        total = -np.sum(np.log(np.maximum(gold_mass, 1e-300)))
        q = np.where(gold, p / np.maximum(gold_mass[segment], 1e-300), 0.0)
        grad = x.T @ (p - q)
        penalty = np.full_like(w, lam)
        penalty[self.d:] *= LANGUAGE_PENALTY
        penalty[self.lexical] *= LEXICAL_PENALTY
        total += 0.5 * float(np.sum(penalty * w * w))
        grad = grad + penalty * w
        return total, grad

    def fit(self, chapters, lam):
        data = self.matrix(chapters)
        result = minimize(lambda w: self.loss(w, data, lam), np.zeros(self.size()), jac=True, method="L-BFGS-B",
                          options={"maxiter": 1000})
        return result.x

    def choices(self, w, chapters):
        """The Swift splitter's choice per chapter: the highest score, and among equals the longest heading."""
        x, starts, _, _ = self.matrix(chapters)
        scores = x @ w
        ends = list(starts[1:]) + [len(scores)]
        picks = []
        for start, end in zip(starts, ends):
            block = scores[start:end]
            best = 0
            for i in range(1, len(block)):
                if block[i] >= block[best]:
                    best = i
            picks.append(best)
        return picks


def accuracy(model, w, chapters, unreachable=()):
    """Exact headings per truth language: (right, total)."""
    table = {}
    for c, pick in zip(chapters, model.choices(w, chapters)):
        row = table.setdefault(c["language"], [0, 0])
        row[0] += int(pick in c["gold"])
        row[1] += 1
    for language, _ in unreachable:
        table.setdefault(language, [0, 0])[1] += 1
    return table


def misses(model, w, chapters):
    return [f"  {c['label']}: got '{c['headings'][pick]}', expected '{c['expected']}'"
            for c, pick in zip(chapters, model.choices(w, chapters)) if pick not in c["gold"]]


def cross_validate(model, chapters, folds=5):
    episodes = sorted({c["episode"] for c in chapters})
    best = None
    for lam in LAMBDAS:
        right = total = 0
        for fold in range(folds):
            held = {e for i, e in enumerate(episodes) if i % folds == fold}
            w = model.fit([c for c in chapters if c["episode"] not in held], lam)
            for row in accuracy(model, w, [c for c in chapters if c["episode"] in held]).values():
                right += row[0]
                total += row[1]
        score = right / max(total, 1)
        print(f"  lambda {lam:<5} cross-validated accuracy {100 * score:.1f}%", file=sys.stderr)
        if best is None or score > best[1]:
            best = (lam, score)
    return best[0]


def cross_validated_misses(model, chapters, lam, folds=5):
    """Misses on training episodes by models that never saw them: what to study when adding features."""
    episodes = sorted({c["episode"] for c in chapters})
    rows = []
    for fold in range(folds):
        held = {e for i, e in enumerate(episodes) if i % folds == fold}
        w = model.fit([c for c in chapters if c["episode"] not in held], lam)
        rows += misses(model, w, [c for c in chapters if c["episode"] in held])
    return sorted(rows)


def weights_table(model, names, w):
    """`group slot weight name` lines for every weight that is not zero at four decimals."""
    lines = []
    for index, group in enumerate(["shared"] + model.groups):
        block = w[model.d * index: model.d * (index + 1)]
        for j in np.nonzero(np.abs(block) >= 0.00005)[0]:
            lines.append(f"{group} {j} {block[j]:.4f} {names[j]}")
    return lines


def swift_weights(lines, layout):
    body = "\n".join("    " + line for line in lines)
    return (
        "// Generated by scripts/train-heading-splitter (Training/HeadingSplitter/train.py); do not edit.\n"
        "// Learned from the training part of Corpus/headings; see docs/heading-splitter.md.\n"
        "enum HeadingModelWeights {\n"
        "    /// The feature layout these weights are for (`HeadingModel.layout`).\n"
        f'    static let layout = "{layout}"\n'
        "\n"
        "    /// `group slot weight name`: `shared` weights count for every language, a group's own are added to them.\n"
        '    static let table = """\n'
        f"{body}\n"
        '    """\n'
        "}\n"
    )


def table_text(name, table):
    right = sum(r[0] for r in table.values())
    total = sum(r[1] for r in table.values())
    cells = "  ".join(f"{lang} {100 * r[0] / r[1]:5.1f}% ({r[0]}/{r[1]})" for lang, r in sorted(table.items()))
    return f"{name:10} all {100 * right / max(total, 1):5.1f}% ({right}/{total})   {cells}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", nargs=2, required=True)
    parser.add_argument("--heldout", nargs=2, required=True)
    parser.add_argument("--report", nargs=3, action="append", default=[])
    parser.add_argument("--write")
    parser.add_argument("--misses", action="store_true", help="list the training part's cross-validated misses")
    arguments = parser.parse_args()

    header, train, train_unreachable = load(*arguments.train)
    _, held, held_unreachable = load(*arguments.heldout)
    names = header["features"] + header["shapes"]
    groups = [g for g in header["languages"] if g != "other"]
    excluded = set(filter(None, os.environ.get("QUIRE_TRAIN_EXCLUDE", "").split(",")))
    model = Model(len(header["features"]), len(header["shapes"]), groups, header["shapes"], excluded)
    print(f"training on {len(train)} chapters ({len(train_unreachable)} whose heading no candidate gives)", file=sys.stderr)
    lam = cross_validate(model, train)
    w = np.round(model.fit(train, lam), 4)
    print(f"lambda {lam} chosen by cross-validation on the training part", file=sys.stderr)

    print(table_text("training", accuracy(model, w, train, train_unreachable)))
    print(table_text("held-out", accuracy(model, w, held, held_unreachable)))
    for name, features, truth in arguments.report:
        _, chapters, unreachable = load(features, truth)
        print(table_text(name, accuracy(model, w, chapters, unreachable)))
    if arguments.misses:
        print("\n".join(cross_validated_misses(model, train, lam)), file=sys.stderr)
    if arguments.write:
        with open(arguments.write, "w", encoding="utf-8") as handle:
            handle.write(swift_weights(weights_table(model, names, w), header["layout"]))


if __name__ == "__main__":
    main()
