"""The filters ours is measured against in `spam_evaluate --online` (never used on a site).

Each peer starts empty, scores a comment, then learns its label, TREC Spam Track style:

- Bogofilter, the real program (Debian's `bogofilter`), run as a subprocess with a word list
  of its own in a temporary folder. Its "unsure" counts as not marked, as our "hold" does.
- An online logistic regression in plain Python: binary word unigrams and bigrams and
  character 4-grams, one plain gradient step per comment, spam above probability 0.5 (the
  classic TREC baseline of Goodman and Yih, 2006).

Both read the same normalised text as our filter, so only the method differs.
"""

import math
import os
import shutil
import subprocess
import tempfile

from .text import WORD_RE, normalize


class PeerUnavailable(RuntimeError):
    """A peer cannot run here (a program missing); the message says why."""


class OnlineLogisticPeer:
    name = "online logistic regression"

    def __init__(self, *, rate: float = 0.1):
        self.rate = rate
        self.weights: dict[str, float] = {}
        self.bias = 0.0

    @staticmethod
    def features(content: str) -> set[str]:
        words = WORD_RE.findall(normalize(content).lower())
        found = {"w:" + word for word in words}
        found.update("b:" + a + " " + b for a, b in zip(words, words[1:], strict=False))
        for word in words:
            padded = f" {word} "
            found.update("c:" + padded[i : i + 4] for i in range(len(padded) - 3))
        return found

    def probability(self, features) -> float:
        z = self.bias + sum(self.weights.get(key, 0.0) for key in features)
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))

    def is_spam(self, content: str) -> bool:
        return self.probability(self.features(content)) > 0.5

    def learn(self, content: str, is_spam: bool) -> None:
        features = self.features(content)
        step = self.rate * ((1.0 if is_spam else 0.0) - self.probability(features))
        for key in features:
            self.weights[key] = self.weights.get(key, 0.0) + step
        self.bias += step

    def close(self) -> None:
        pass


class BogofilterPeer:
    name = "bogofilter"

    def __init__(self, program: str = "bogofilter"):
        self.program = shutil.which(program)
        if self.program is None:
            raise PeerUnavailable(
                "Bogofilter is not installed (on Debian: apt-get install bogofilter); "
                "it is left out of this comparison."
            )
        self.folder = tempfile.TemporaryDirectory(prefix="bogofilter-")

    def _run(self, content: str, *flags: str) -> subprocess.CompletedProcess:
        # A message with an empty header: the whole text is the body bogofilter reads.
        message = "\n" + normalize(content) + "\n"
        return subprocess.run(
            [self.program, "-d", self.folder.name, *flags],
            input=message.encode(),
            capture_output=True,
            check=False,
            timeout=30,
        )

    def is_spam(self, content: str) -> bool:
        if not os.path.exists(os.path.join(self.folder.name, "wordlist.db")):
            return False  # nothing learned yet: bogofilter refuses to guess
        # -T: one line "S|H|U score"; exit 0 spam, 1 ham, 2 unsure, 3 an error.
        result = self._run(content, "-T")
        if result.returncode == 3:
            raise PeerUnavailable(f"bogofilter failed: {result.stderr.decode().strip()}")
        return result.stdout.decode().split()[:1] == ["S"]

    def learn(self, content: str, is_spam: bool) -> None:
        result = self._run(content, "-s" if is_spam else "-n")
        if result.returncode not in (0, 1, 2):
            raise PeerUnavailable(f"bogofilter failed: {result.stderr.decode().strip()}")

    def close(self) -> None:
        self.folder.cleanup()
