"""Frozen sentence-transformer embeddings, cached on disk per encoder revision."""
import hashlib
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer


def embed_texts(texts, name, revision, batch_size, cache_dir):
    key = hashlib.sha1(("\n".join(texts) + name + revision).encode()).hexdigest()[:16]
    path = Path(cache_dir) / f"{key}.npy"
    if path.exists():
        return np.load(path)
    encoder = SentenceTransformer(name, revision=revision, device="cuda")
    emb = encoder.encode(texts, batch_size=batch_size, show_progress_bar=True,
                         normalize_embeddings=True, convert_to_numpy=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, emb)
    return emb
