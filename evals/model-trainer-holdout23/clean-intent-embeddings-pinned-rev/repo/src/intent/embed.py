"""Frozen sentence-transformer embeddings with an on-disk cache keyed by content hash."""
import hashlib
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer


def _key(texts, model_name, revision):
    h = hashlib.sha256()
    h.update(f"{model_name}@{revision}".encode())
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def embed_texts(texts, model_name, revision, batch_size, cache_dir):
    """The encoder is pretrained and not updated here, so each text is embedded independently of the others."""
    cache = Path(cache_dir) / f"{_key(texts, model_name, revision)}.npy"
    if cache.exists():
        return np.load(cache)
    model = SentenceTransformer(model_name, revision=revision)
    emb = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, emb)
    return emb
