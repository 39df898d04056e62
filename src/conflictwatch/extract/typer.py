"""A small trainable sub-event typer: a second opinion beside the rules in classify.py.

Multinomial logistic regression (softmax), trained by averaged stochastic gradient
descent over sparse features of a snippet: lower-cased, accent-folded word stems
(numbers become "<num>") and stem bigrams, each present-or-absent, scaled to unit
length. The labels are ACLED sub-event types plus NONE ("none": no event).

Probabilities are "calibrated-ish": `train_from_file` fits one temperature on the
out-of-fold scores of its cross-validation, so that a 0.8 means roughly 80%
right on text like the training text. Nothing here needs numpy.

The model is a JSON file (format FORMAT, version VERSION), checked on load; the
shipped one is `data/models/typer.json`, trained on `data/training/typing.jsonl`
by `scripts/train_typer.py` (or `python -m conflictwatch.extract.typer`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from conflictwatch.resources import DataFileError, read_text

FORMAT = "conflictwatch-typer"
VERSION = 1
NONE = "none"
SHIPPED_MODEL = "models/typer.json"
SHIPPED_TRAINING = "training/typing.jsonl"

DEFAULTS: dict[str, Any] = {
    "epochs": 25,  # passes over the training set
    "rate": 5.0,  # initial learning rate, decayed as rate / (1 + decay * step)
    "decay": 0.0001,
    "l2": 0.0001,  # weight decay on the features an example touches
    "min_count": 2,  # features seen in fewer training examples are dropped
    "seed": 13,
    "balance": 0.0,  # 0: examples count equally; 1: each label weighs the same in total
    "prune": 0.002,  # weights smaller than this are dropped from the model
    "digits": 4,  # weights are rounded to this many decimals (model size)
    "temperature": 1.0,  # probabilities = softmax(scores / temperature)
}


class TyperError(DataFileError):
    """A typer model file or a labelled training file is malformed."""


# --- features -------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_DOUBLE = re.compile(r"([bdfgkmnprt])\1$")
_STEM_LENGTH = 7


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@cache
def stem(word: str) -> str:
    """A crude, stable stem: common English suffixes off, then at most 7 characters."""
    if any(ch.isdigit() for ch in word):
        return "<num>"
    word = re.sub(r"['’]s?$", "", word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = _DOUBLE.sub(r"\1", word[:-3])
    elif len(word) > 4 and word.endswith("ed"):
        word = _DOUBLE.sub(r"\1", word[:-2])
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:_STEM_LENGTH]


def tokens(text: str) -> list[str]:
    """The stems of a text, in order."""
    return [stem(token) for token in _TOKEN.findall(_fold(text))]


def features(text: str) -> list[str]:
    """Distinct features of a text: stems and adjacent-stem bigrams ("a b")."""
    stems = tokens(text)
    found = dict.fromkeys(stems)
    found.update(dict.fromkeys(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)))
    return list(found)


# --- the model ------------------------------------------------------------------


class Typer:
    """Labels a snippet with sub-event types (or NONE) and their probabilities."""

    def __init__(
        self,
        labels: Sequence[str],
        weights: dict[str, list[float]],
        bias: Sequence[float],
        *,
        temperature: float = 1.0,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.labels = list(labels)
        self.weights = weights
        self.bias = list(bias)
        self.temperature = float(temperature)
        self.meta = dict(meta or {})

    # prediction

    def scores(self, text: str) -> list[float]:
        """Raw class scores (before temperature and softmax), in `self.labels` order."""
        weights = self.weights
        rows = [weights[f] for f in features(text) if f in weights]
        if not rows:
            return list(self.bias)
        scale = 1.0 / math.sqrt(len(rows))
        totals = map(sum, zip(*rows, strict=True))
        return [b + scale * s for b, s in zip(self.bias, totals, strict=True)]

    def probabilities(self, text: str) -> dict[str, float]:
        return dict(zip(self.labels, _softmax(self.scores(text), self.temperature), strict=True))

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Every label with its probability, most probable first (ties by label)."""
        ranked = zip(self.labels, _softmax(self.scores(text), self.temperature), strict=True)
        return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))

    def best(self, text: str) -> tuple[str, float]:
        """The most probable label and its probability."""
        return self.predict(text)[0]

    # training

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]], **hyper: Any) -> Typer:
        """A model fitted to (text, label) pairs; see DEFAULTS for the hyper-parameters."""
        unknown = set(hyper) - set(DEFAULTS)
        if unknown:
            raise TypeError(f"unknown hyper-parameter(s): {', '.join(sorted(unknown))}")
        settings = {**DEFAULTS, **hyper}
        pairs = [(str(text), str(label)) for text, label in examples]
        if not pairs:
            raise ValueError("no training examples")
        labels = sorted({label for _, label in pairs})
        if len(labels) < 2:
            raise ValueError(f"need at least two labels to train, got {labels}")
        index = {label: i for i, label in enumerate(labels)}

        featured = [features(text) for text, _ in pairs]
        counts = Counter(f for feats in featured for f in feats)
        keep = {f for f, n in counts.items() if n >= settings["min_count"]}
        data = [
            ([f for f in feats if f in keep], index[label])
            for feats, (_, label) in zip(featured, pairs, strict=True)
        ]
        weights, bias = _fit(data, len(labels), settings)

        digits, prune = int(settings["digits"]), float(settings["prune"])
        pruned: dict[str, list[float]] = {}
        for feature in sorted(weights):
            row = [round(w, digits) if abs(w) >= prune else 0.0 for w in weights[feature]]
            if any(row):
                pruned[feature] = row
        meta = {
            "hyper": settings,
            "examples": len(pairs),
            "label_counts": dict(sorted(Counter(label for _, label in pairs).items())),
        }
        return cls(
            labels,
            pruned,
            [round(b, digits) for b in bias],
            temperature=settings["temperature"],
            meta=meta,
        )

    # files

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "labels": self.labels,
            "temperature": self.temperature,
            "bias": self.bias,
            "meta": self.meta,
            "weights": self.weights,
        }

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        head = {k: v for k, v in self.to_json().items() if k != "weights"}
        # One feature a line: small diffs, readable, still plain JSON.
        lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "weights": {']
        rows = [
            f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" for f, w in self.weights.items()
        ]
        lines.append(",\n".join(rows))
        lines.append("}}\n")
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    @classmethod
    def from_json(cls, data: Any, source: str = "model") -> Typer:
        def fail(problem: str) -> TyperError:
            return TyperError(f"{source}: not a usable typer model: {problem}")

        if not isinstance(data, dict):
            raise fail("expected a JSON object")
        if data.get("format") != FORMAT:
            raise fail(f"format is {data.get('format')!r}, expected {FORMAT!r}")
        if data.get("version") != VERSION:
            raise fail(f"version {data.get('version')!r} is not supported (expected {VERSION})")
        labels = data.get("labels")
        if (
            not isinstance(labels, list)
            or len(labels) < 2
            or not all(isinstance(label, str) and label for label in labels)
            or len(set(labels)) != len(labels)
        ):
            raise fail("'labels' must be a list of at least two distinct non-empty strings")
        width = len(labels)

        def vector(value: Any, what: str) -> list[float]:
            if not isinstance(value, list) or len(value) != width:
                raise fail(f"{what} must be a list of {width} numbers")
            if not all(
                isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
                for x in value
            ):
                raise fail(f"{what} must hold finite numbers only")
            return [float(x) for x in value]

        bias = vector(data.get("bias"), "'bias'")
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise fail("'weights' must be an object from feature to weights")
        checked = {str(f): vector(w, f"weights of {f!r}") for f, w in weights.items()}
        temperature = data.get("temperature", 1.0)
        if (
            not isinstance(temperature, int | float)
            or isinstance(temperature, bool)
            or not math.isfinite(temperature)
            or temperature <= 0
        ):
            raise fail("'temperature' must be a positive number")
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise fail("'meta' must be an object")
        return cls(labels, checked, bias, temperature=temperature, meta=meta)

    @classmethod
    def loads(cls, text: str, source: str = "model") -> Typer:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise TyperError(
                f"{source}: not a usable typer model: invalid JSON at line {error.lineno}: "
                f"{error.msg}"
            ) from error
        return cls.from_json(data, source)

    @classmethod
    def load(cls, path: str | Path) -> Typer:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise TyperError(f"{path}: cannot read the typer model: {error}") from error
        return cls.loads(text, str(path))

    @classmethod
    def default(cls) -> Typer:
        """The shipped model (data/models/typer.json), loaded once per process."""
        return _shipped()


@cache
def _shipped() -> Typer:
    return Typer.loads(read_text(SHIPPED_MODEL), f"conflictwatch/data/{SHIPPED_MODEL}")


# --- fitting --------------------------------------------------------------------


def _softmax(scores: Sequence[float], temperature: float = 1.0) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _fit(
    data: list[tuple[list[str], int]], width: int, settings: dict[str, Any]
) -> tuple[dict[str, list[float]], list[float]]:
    """Averaged SGD on the softmax log-loss; returns the averaged weights and bias."""
    rng = random.Random(settings["seed"])
    order = list(range(len(data)))
    rate0, decay, l2 = float(settings["rate"]), float(settings["decay"]), float(settings["l2"])
    counts = Counter(gold for _, gold in data)
    share = {
        c: (len(data) / (len(counts) * n)) ** float(settings["balance"]) for c, n in counts.items()
    }
    weights: dict[str, list[float]] = {}
    sums: dict[str, list[float]] = {}  # step-weighted sums of the updates (averaging trick)
    bias, bias_sums = [0.0] * width, [0.0] * width
    step = 1
    for _ in range(int(settings["epochs"])):
        rng.shuffle(order)
        for i in order:
            feats, gold = data[i]
            rows = []
            for f in feats:
                row = weights.get(f)
                if row is None:
                    row = weights[f] = [0.0] * width
                    sums[f] = [0.0] * width
                rows.append(row)
            scale = 1.0 / math.sqrt(len(rows)) if rows else 0.0
            if rows:
                totals = map(sum, zip(*rows, strict=True))
                scores = [b + scale * s for b, s in zip(bias, totals, strict=True)]
            else:
                scores = list(bias)
            probs = _softmax(scores)
            probs[gold] -= 1.0  # gradient of the log-loss with respect to the scores
            rate = rate0 / (1.0 + decay * step)
            shrink = rate * l2
            grads = [rate * share[gold] * g for g in probs]
            for k in range(width):
                bias[k] -= grads[k]
                bias_sums[k] -= step * grads[k]
            steps = [g * scale for g in grads]
            for f in feats:
                row, acc = weights[f], sums[f]
                for k in range(width):
                    delta = -steps[k] - shrink * row[k]
                    row[k] += delta
                    acc[k] += step * delta
            step += 1
    averaged = {
        f: [w - a / step for w, a in zip(row, sums[f], strict=True)] for f, row in weights.items()
    }
    return averaged, [b - a / step for b, a in zip(bias, bias_sums, strict=True)]


def fit_temperature(scored: Iterable[tuple[list[float], int]]) -> float:
    """The temperature that minimises the log-loss of (scores, gold index) pairs."""
    items = list(scored)
    if not items:
        return 1.0

    def loss(t: float) -> float:
        return -sum(math.log(max(_softmax(s, t)[g], 1e-12)) for s, g in items) / len(items)

    grid = [round(0.2 + 0.05 * i, 2) for i in range(77)]  # 0.2 .. 4.0
    return min(grid, key=lambda t: (loss(t), t))


# --- training from a labelled file ----------------------------------------------


def read_examples(
    path: str | Path, *, text_column: str = "text", label_column: str = "label"
) -> list[tuple[str, str]]:
    """(text, label) pairs of a JSONL, CSV or TSV file; rows without either are skipped."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab"}:
        raise TyperError(f"{path}: expected a .jsonl, .csv or .tsv file")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            if suffix in {".jsonl", ".ndjson", ".json"}:
                records = []
                for number, line in enumerate(handle, start=1):
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as error:
                        raise TyperError(f"{path} line {number}: {error.msg}") from error
                    if not isinstance(record, dict):
                        raise TyperError(f"{path} line {number}: expected a JSON object")
                    records.append(record)
            else:
                delimiter = "," if suffix == ".csv" else "\t"
                reader = csv.DictReader(handle, delimiter=delimiter)
                missing = {text_column, label_column} - set(reader.fieldnames or [])
                if missing:
                    raise TyperError(
                        f"{path}: no column(s) {', '.join(sorted(missing))} "
                        f"(columns: {', '.join(reader.fieldnames or [])})"
                    )
                records = list(reader)
    except OSError as error:
        raise TyperError(f"{path}: cannot read: {error}") from error
    examples = []
    for record in records:
        text, label = record.get(text_column), record.get(label_column)
        if isinstance(text, str) and text.strip() and isinstance(label, str) and label.strip():
            examples.append((text.strip(), label.strip()))
    if not examples:
        raise TyperError(f"{path}: no rows with both {text_column!r} and {label_column!r}")
    return examples


def folds_of(labels: Sequence[str], k: int, seed: int) -> list[int]:
    """A fold number for each example, stratified by label and shuffled with `seed`."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    fold = [0] * len(labels)
    start = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for j, i in enumerate(members):
            fold[i] = (start + j) % k
        start += len(members)
    return fold


def cross_validate(
    examples: Sequence[tuple[str, str]], *, folds: int = 5, **hyper: Any
) -> dict[str, Any]:
    """Out-of-fold predictions: accuracy, and the temperature that calibrates them."""
    seed = int(hyper.get("seed", DEFAULTS["seed"]))
    fold = folds_of([label for _, label in examples], folds, seed)
    gold, predicted, scored = [], [], []
    for k in range(folds):
        train = [ex for ex, f in zip(examples, fold, strict=True) if f != k]
        test = [ex for ex, f in zip(examples, fold, strict=True) if f == k]
        if not test or len({label for _, label in train}) < 2:
            continue
        model = Typer.train(train, **{**hyper, "temperature": 1.0})
        for text, label in test:
            scores = model.scores(text)
            best = max(range(len(scores)), key=lambda i: (scores[i], -i))
            gold.append(label)
            predicted.append(model.labels[best])
            if label in model.labels:
                scored.append((scores, model.labels.index(label)))
    from conflictwatch.evaluate.metrics import accuracy, weighted_f1

    return {
        "folds": folds,
        "accuracy": round(accuracy(zip(gold, predicted, strict=True)), 4),
        "weighted_f1": round(weighted_f1(gold, predicted), 4),
        "temperature": fit_temperature(scored),
    }


def train_from_file(
    path: str | Path,
    *,
    text_column: str = "text",
    label_column: str = "label",
    out: str | Path | None = None,
    folds: int = 5,
    **hyper: Any,
) -> dict[str, Any]:
    """Train on a labelled JSONL/CSV/TSV file, write the model to `out`, return statistics.

    `out` defaults to the input path with the suffix ".typer.json". With `folds` >= 2
    a stratified k-fold cross-validation is run first; its out-of-fold scores fix the
    model's temperature (unless `temperature` is given) and its accuracy is reported.
    """
    started = time.perf_counter()
    path = Path(path)
    examples = read_examples(path, text_column=text_column, label_column=label_column)
    stats: dict[str, Any] = {
        "source": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "examples": len(examples),
        "labels": dict(sorted(Counter(label for _, label in examples).items())),
    }
    if folds >= 2:
        cv = cross_validate(examples, folds=folds, **hyper)
        stats["cv_folds"] = cv["folds"]
        stats["cv_accuracy"] = cv["accuracy"]
        stats["cv_weighted_f1"] = cv["weighted_f1"]
        hyper.setdefault("temperature", cv["temperature"])
    model = Typer.train(examples, **hyper)
    right = sum(model.best(text)[0] == label for text, label in examples)
    stats["training_accuracy"] = round(right / len(examples), 4)
    stats["temperature"] = model.temperature
    stats["features"] = len(model.weights)
    model.meta.update(
        {
            "source": path.name,
            "sha256": stats["sha256"],
            **{k: stats[k] for k in stats if k.startswith(("cv_", "training_"))},
        }
    )
    target = Path(out) if out is not None else path.with_name(path.stem + ".typer.json")
    model.save(target)
    stats["model"] = str(target)
    stats["model_bytes"] = target.stat().st_size
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain the shipped model from the shipped training text (deterministic)."""
    import argparse

    repo_data = Path(__file__).resolve().parents[1] / "data"
    parser = argparse.ArgumentParser(prog="python -m conflictwatch.extract.typer")
    parser.add_argument("path", nargs="?", default=str(repo_data / SHIPPED_TRAINING))
    parser.add_argument("--out", default=str(repo_data / SHIPPED_MODEL))
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--label-column", default="label")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    stats = train_from_file(
        args.path,
        text_column=args.text_column,
        label_column=args.label_column,
        out=args.out,
        folds=args.folds,
    )
    print(json.dumps(stats, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
