"""N-gram overlap decontamination of training text against evaluation benchmarks."""
import hashlib
import re
import unicodedata
from collections import defaultdict

_WORD = re.compile(r"[a-z0-9]+")


def normalize_words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(text)


def ngrams(words, n):
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


class BenchmarkIndex:
    """Holds the n-grams of benchmark items; queried with training documents, never trained on."""

    def __init__(self, n=13):
        self.n = n
        self.grams = defaultdict(set)
        self.exact = {}

    def add(self, benchmark, item_id, text):
        words = normalize_words(text)
        key = hashlib.sha1(" ".join(words).encode()).hexdigest()
        self.exact[key] = (benchmark, item_id)
        for g in ngrams(words, self.n) if len(words) >= self.n else {" ".join(words)}:
            self.grams[g].add((benchmark, item_id))

    def hits(self, text):
        words = normalize_words(text)
        key = hashlib.sha1(" ".join(words).encode()).hexdigest()
        if key in self.exact:
            return {self.exact[key]}
        found = set()
        for g in ngrams(words, self.n):
            found |= self.grams.get(g, set())
        return found
