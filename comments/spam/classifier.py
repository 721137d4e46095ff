"""The learned part of the filter: logistic regression over word and character n-grams.

Written in pure Python (no numpy or scikit-learn in the deploy): a comment has a few
hundred features, so scoring is a dictionary walk well under a millisecond, and the model
learns online, one moderator decision at a time, with plain stochastic gradient steps.
Features are language-agnostic (Unicode words, character n-grams, link and shape features),
so Italian and English comments are handled alike.
"""

import gzip
import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .text import WORD_RE, find_urls, normalize, url_host

BASE_MODEL_PATH = Path(__file__).resolve().parent / "data" / "base_model.json.gz"
_URL_WORD = re.compile(r"[a-z]{3,}")
_LONG_NUMBER = re.compile(r"\d{4,}")
# The site's weight on the starting model's own score: how far this site's moderators have
# found the starting model right. Zero on a new site, so the starting model alone never
# hides a comment; it grows as decisions agree with it, shrinks when they do not.
TRUST_KEY = "s:starting-model"
TRUST_SCALE = 4.0  # the starting model's log-odds are divided by this (and clipped to +-2)
TRUST_MAX = 2.0
TRUST_RATE = 1.0
# What a site teaches about links weighs more than its word n-grams: the host a comment
# links to is what a spammer is paid for, and comes back in comments worded anew. The
# site's weights see link features (hosts, and whether and how a comment links) this many
# times stronger; the starting model sees them as trained.
SITE_LINK_BOOST = 8.0
_SITE_LINK_PREFIXES = ("d:", "d2:", "m:url-", "m:urls1", "m:urls2", "m:urls3")


def sigmoid(z: float) -> float:
    z = max(-35.0, min(35.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def extract_features(content: str, *, url: str = "") -> dict[str, float]:
    """Return the comment's features, scaled to unit length."""
    text = normalize(content)
    low = text.lower()
    urls = find_urls(text)
    words = WORD_RE.findall(_strip_urls(low, urls))
    counts = Counter()
    for word in words:
        counts["w:" + word] += 1
    for first, second in zip(words, words[1:], strict=False):
        counts["b:" + first + " " + second] += 1
    for word in set(words):
        padded = " " + word + " "
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                counts["c:" + padded[i : i + n]] += 1
    for link in urls:
        host = url_host(link)
        counts["d:" + host] += 1
        counts["d2:" + ".".join(host.split(".")[-2:])] += 1
        path = link.lower().split(host, 1)[-1] if host else link.lower()
        for part in _URL_WORD.findall(path):
            counts["u:" + part] += 1
        if "?" in path or "=" in path:
            counts["m:url-query"] = 1
        if len(path) > 20:
            counts["m:url-long"] = 1
        if not path.strip("/"):
            counts["m:url-bare"] = 1
    counts[f"m:urls{min(len(urls), 3)}"] = 1
    counts[f"m:len{min(int(math.log2(len(text) + 1)), 10)}"] = 1
    counts[f"m:words{min(int(math.log2(len(words) + 1)), 7)}"] = 1
    letters = sum(c.isalpha() for c in text) or 1
    counts[f"m:upper{int(4 * sum(c.isupper() for c in text) / letters)}"] = 1
    counts[f"m:bang{min(text.count('!'), 3)}"] = 1
    if "@" in text:
        counts["m:at"] = 1
    if _LONG_NUMBER.search(text):
        counts["m:digits"] = 1
    if url:
        counts["m:author-url"] = 1
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {key: value / norm for key, value in counts.items()}


def site_view(features: dict[str, float]) -> dict[str, float]:
    """The features as the site's weights read them: those of links to hosts the site does
    not trust (checks.trusted_domains) boosted; links to the site's own pages, to Wikipedia
    or to a video are how readers cite, and weigh as trained."""
    from .checks import is_trusted, trusted_domains

    domains = trusted_domains()
    outside = {key for key in features if key[:2] == "d:" and not is_trusted(key[2:], domains)}
    if not outside:
        return features
    return {
        key: value * SITE_LINK_BOOST
        if key.startswith(_SITE_LINK_PREFIXES)
        and (key in outside or not key.startswith(("d:", "d2:")))
        else value
        for key, value in features.items()
    }


def _trust_input(prior: float) -> float:
    return max(0.0, min(2.0, prior / TRUST_SCALE))


def _strip_urls(text: str, urls: list[str]) -> str:
    for link in urls:
        text = text.replace(link.lower(), " ")
    return text


@dataclass
class LogisticModel:
    """Weights of a logistic regression; the score is the log-odds that a comment is spam.

    Two sets of weights add up to the score: `weights` and `bias`, the starting model
    (shipped, or trained from scratch with `spam_train --reset`), and `taught` and
    `taught_bias`, what this site taught it since (moderators' decisions, `spam_train`
    without --reset). They are kept apart because the starting model alone, learned from
    other people's comments, is not evidence enough to hide a reader's comment.
    """

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    examples: int = 0
    taught: dict[str, float] = field(default_factory=dict)
    taught_bias: float = 0.0
    # The starting weights as stored JSON, kept because only fit() and prune() change them
    # while every moderator click writes the model back (the site's weights are small).
    _weights_json: str | None = field(default=None, repr=False, compare=False)

    def decision(self, features: dict[str, float]) -> float:
        prior, taught = self.split_decision(features)
        return prior + taught

    def split_decision(self, features: dict[str, float]) -> tuple[float, float]:
        """Return the log-odds of spam from the starting model and from the site's teaching."""
        weights, taught = self.weights, self.taught
        prior = self.bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
        if not taught and not self.taught_bias:
            return prior, 0.0
        site = site_view(features)
        return prior, self.taught_bias + sum(taught.get(k, 0.0) * v for k, v in site.items())

    def trusted_prior(self, prior: float) -> float:
        """The part of the starting model's log-odds this site's decisions vouch for."""
        return self.taught.get(TRUST_KEY, 0.0) * _trust_input(prior)

    def step(
        self, features, is_spam: bool, rate: float, l2: float, *, taught: bool = False
    ) -> None:
        """Take one gradient step of the regularised log-loss on one example.

        With taught, only the site's weights move (the starting model stays as shipped).
        """
        gradient = sigmoid(self.decision(features)) - (1.0 if is_spam else 0.0)
        weights = self.taught if taught else self.weights
        shrink = 1.0 - rate * l2
        for key, value in (site_view(features) if taught else features).items():
            weights[key] = weights.get(key, 0.0) * shrink - rate * gradient * value
        if taught:
            self.taught_bias -= rate * gradient
        else:
            self.bias -= rate * gradient

    def learn(self, features, is_spam: bool, *, rate=0.5, margin=3.0, max_steps=20) -> None:
        """Learn one moderator decision until the model agrees with it by a margin.

        One plain SGD step barely moves a model trained on a thousand comments; a moderator
        who marks a comment spam expects the same comment to be caught next time.

        The site's weights learn as a model of their own (the gradient of their own
        decision, no bias): a spam decision is learned until they say spam by the margin
        by themselves, not only added to the starting model. Only they, with the checks, may
        send a comment to spam (pipeline.beyond_the_starting_model), so what the moderators
        taught must be evidence on its own even where the starting model already agreed. A
        ham decision is learned until the whole model says ham by the margin and the site's
        weights do not point to spam.
        """
        self._learn_trust(features, is_spam, rate)
        sign = 1.0 if is_spam else -1.0
        own_margin = margin if is_spam else 0.0
        taught = self.taught
        seen = site_view(features)
        for _ in range(max_steps):
            prior, site = self.split_decision(features)
            if sign * (prior + site) >= margin and sign * site >= own_margin:
                break
            step = rate * ((1.0 if is_spam else 0.0) - sigmoid(site))
            for key, value in seen.items():
                taught[key] = taught.get(key, 0.0) + step * value
        self.examples += 1

    def _learn_trust(self, features, is_spam: bool, rate: float) -> None:
        """One logistic step of the site's trust in the starting model (before learning)."""
        prior, site = self.split_decision(features)
        signal = _trust_input(prior)
        gradient = (1.0 if is_spam else 0.0) - sigmoid(site + self.trusted_prior(prior))
        trust = self.taught.get(TRUST_KEY, 0.0) + TRUST_RATE * rate * gradient * signal
        self.taught[TRUST_KEY] = min(TRUST_MAX, max(0.0, trust))

    def fit(self, examples, *, epochs=15, rate=0.5, l2=1e-4, seed=0, taught=False) -> None:
        """Train on (features, is_spam) pairs with a decaying rate, continuing from here.

        With taught, the examples are the site's own and go to its taught weights.
        """
        examples = list(examples)
        self._weights_json = None
        shuffler = random.Random(seed)
        for epoch in range(epochs):
            shuffler.shuffle(examples)
            eta = rate / (1 + epoch)
            for features, is_spam in examples:
                self.step(features, is_spam, eta, l2, taught=taught)
        self.examples += len(examples)
        self.prune()

    def prune(self, threshold: float = 1e-3) -> None:
        """Drop weights too small to matter, which keeps the stored model small."""
        self._weights_json = None
        self.weights = {k: round(w, 5) for k, w in self.weights.items() if abs(w) >= threshold}
        self.taught = {k: round(w, 5) for k, w in self.taught.items() if abs(w) >= threshold}

    def to_dict(self) -> dict:
        data = {"bias": self.bias, "examples": self.examples, "weights": self.weights}
        if self.taught or self.taught_bias:
            data["taught"] = self.taught
            data["taught_bias"] = self.taught_bias
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "LogisticModel":
        return cls(
            weights=dict(data.get("weights", {})),
            bias=float(data.get("bias", 0.0)),
            examples=int(data.get("examples", 0)),
            taught=dict(data.get("taught", {})),
            taught_bias=float(data.get("taught_bias", 0.0)),
        )

    def for_learning(self) -> "LogisticModel":
        """Return a copy whose site's weights learn() may change; the starting weights,
        which it never changes, are shared."""
        copy = LogisticModel(
            weights=self.weights,
            bias=self.bias,
            examples=self.examples,
            taught=dict(self.taught),
            taught_bias=self.taught_bias,
        )
        copy._weights_json = self._weights_json
        return copy

    def dumps(self) -> bytes:
        # Five decimals are plenty for a weight; level 1 compresses in a few ms, which
        # matters because every moderator click writes the model back.
        if self._weights_json is None:
            rounded = {k: round(w, 5) for k, w in self.weights.items()}
            self._weights_json = json.dumps(rounded, separators=(",", ":"))
        data = self.to_dict()
        del data["weights"]
        if "taught" in data:
            data["taught"] = {k: round(w, 5) for k, w in data["taught"].items()}
        head = json.dumps(data, separators=(",", ":"))
        text = head[:-1] + ',"weights":' + self._weights_json + "}"
        return gzip.compress(text.encode(), compresslevel=1)

    @classmethod
    def loads(cls, blob: bytes) -> "LogisticModel":
        return cls.from_dict(json.loads(gzip.decompress(bytes(blob))))


def load_base_model() -> LogisticModel:
    """Return the starting model shipped with the code (empty when the file is missing)."""
    try:
        return LogisticModel.loads(BASE_MODEL_PATH.read_bytes())
    except FileNotFoundError:
        return LogisticModel()
