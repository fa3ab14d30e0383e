"""Encode every ticket once with a frozen, pretrained sentence encoder and cache the vectors.

The encoder is not trained or adapted on our tickets: each vector depends only on its own text,
so computing them for the whole table before the split leaks nothing.
"""
import hashlib
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer

ENCODER = "sentence-transformers/all-MiniLM-L12-v2"


def _cache_key(texts, model_name):
    h = hashlib.sha1(model_name.encode())
    for t in texts:
        h.update(t.encode("utf-8", "ignore"))
    return h.hexdigest()[:16]


def embed_texts(texts, cache_dir=Path(".emb_cache"), batch_size=128):
    texts = list(texts)
    cache_dir.mkdir(exist_ok=True)
    path = cache_dir / f"{_cache_key(texts, ENCODER)}.npy"
    if path.exists():
        return np.load(path)
    encoder = SentenceTransformer(ENCODER, device="cuda")
    vecs = encoder.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                          show_progress_bar=True, convert_to_numpy=True)
    np.save(path, vecs)
    return vecs
