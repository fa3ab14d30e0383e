"""Frozen sentence encoder: no parameters are learned from our data, so texts can be embedded in one pass."""
import hashlib
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer

from . import settings


def _key(texts):
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8"))
    return h.hexdigest()[:16]


def embed_texts(texts):
    cache = Path(settings.CACHE_DIR) / f"{_key(texts)}.npy"
    if cache.exists():
        return np.load(cache)
    model = SentenceTransformer(settings.ENCODER, revision=settings.ENCODER_REVISION, token=settings.HF_TOKEN)
    vecs = model.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vecs)
    return vecs
