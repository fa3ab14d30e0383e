"""Disk cache for sentence embeddings, keyed by encoder name and text hash."""
import hashlib
from pathlib import Path

import numpy as np


class EmbeddingCache:
    def __init__(self, model_name: str, cache_dir: str, batch_size: int = 64):
        self.model_name = model_name
        self.batch_size = batch_size
        safe = model_name.replace("/", "__")
        self.dir = Path(cache_dir) / safe
        self.dir.mkdir(parents=True, exist_ok=True)
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model_name)
        return self._model

    @staticmethod
    def _key(texts) -> str:
        h = hashlib.sha1()
        for t in texts:
            h.update(t.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()[:16]

    def encode(self, texts) -> np.ndarray:
        texts = list(texts)
        path = self.dir / f"{self._key(texts)}.npy"
        if path.exists():
            emb = np.load(path)
            if emb.shape[0] == len(texts):
                return emb
        emb = self.model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=True,
        ).astype(np.float32)
        np.save(path, emb)
        return emb
