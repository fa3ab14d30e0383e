"""Dense + BM25 indexes over the help-centre article corpus."""
import re
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

_TOKEN = re.compile(r"[a-z0-9]+")


def tokenize(text: str):
    return _TOKEN.findall(text.lower())


class DenseIndex:
    def __init__(self, model_name: str, doc_texts, cache: str):
        from sentence_transformers import SentenceTransformer

        self.encoder = SentenceTransformer(model_name)
        path = Path(cache)
        if path.exists():
            self.doc_emb = np.load(path)
        else:
            self.doc_emb = self.encoder.encode(list(doc_texts), batch_size=64, normalize_embeddings=True,
                                               show_progress_bar=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, self.doc_emb)

    def scores(self, queries) -> np.ndarray:
        q = self.encoder.encode(list(queries), batch_size=128, normalize_embeddings=True)
        return q @ self.doc_emb.T


class LexicalIndex:
    def __init__(self, doc_texts):
        self.bm25 = BM25Okapi([tokenize(t) for t in doc_texts])

    def scores(self, queries) -> np.ndarray:
        return np.vstack([self.bm25.get_scores(tokenize(q)) for q in queries])
