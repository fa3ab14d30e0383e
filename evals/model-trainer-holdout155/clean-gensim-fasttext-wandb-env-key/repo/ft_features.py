import re

import numpy as np
from gensim.models import FastText

_TOKEN = re.compile(r"[a-z][a-z0-9&']+")


def tokenize(desc: str) -> list:
    return _TOKEN.findall(desc.lower()) or ["<empty>"]


def train_fasttext(token_lists, cfg: dict, seed: int) -> FastText:
    ft = FastText(
        vector_size=cfg["vector_size"], window=cfg["window"], min_count=cfg["min_count"],
        min_n=cfg["min_n"], max_n=cfg["max_n"], sg=1, seed=seed, workers=1,
    )
    ft.build_vocab(corpus_iterable=token_lists)
    ft.train(corpus_iterable=token_lists, total_examples=len(token_lists), epochs=cfg["epochs"])
    return ft


def doc_vectors(ft: FastText, token_lists) -> np.ndarray:
    # subword n-grams give vectors for unseen merchant tokens too
    out = np.zeros((len(token_lists), ft.vector_size), dtype=np.float32)
    for i, toks in enumerate(token_lists):
        v = np.mean([ft.wv[t] for t in toks], axis=0)
        out[i] = v / (np.linalg.norm(v) + 1e-8)
    return out
