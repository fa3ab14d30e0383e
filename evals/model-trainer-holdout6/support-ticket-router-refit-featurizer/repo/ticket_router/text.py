import re

import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

_URL = re.compile(r"https?://\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_ORDER = re.compile(r"\b(?:ord|inv|cs)[-_ ]?\d{5,}\b", re.I)
_SIGNOFF = re.compile(r"\n(?:best|regards|thanks|cheers)[\s\S]*$", re.I)


def normalise(body: str) -> str:
    body = _SIGNOFF.sub("", body or "")
    body = _URL.sub(" <url> ", body)
    body = _EMAIL.sub(" <email> ", body)
    body = _ORDER.sub(" <ref> ", body)
    return re.sub(r"\s+", " ", body).strip().lower()


class TicketFeaturizer:
    """Word 1-2gram + char 3-5gram hashed features, re-weighted with tf-idf."""

    def __init__(self, n_word=2 ** 18, n_char=2 ** 18):
        self.word = HashingVectorizer(n_features=n_word, ngram_range=(1, 2), alternate_sign=False, norm=None)
        self.char = HashingVectorizer(n_features=n_char, analyzer="char_wb", ngram_range=(3, 5),
                                      alternate_sign=False, norm=None)
        self.idf = TfidfTransformer(sublinear_tf=True)

    def _hash(self, texts):
        clean = [normalise(t) for t in texts]
        return sp.hstack([self.word.transform(clean), self.char.transform(clean)]).tocsr()

    def fit_transform(self, texts):
        return self.idf.fit_transform(self._hash(texts))

    def transform(self, texts):
        return self.idf.transform(self._hash(texts))
