"""Embedding store: one .npy per (model, corpus) plus a sidecar with the row ids."""
import json
from pathlib import Path

import numpy as np


def l2_normalize(x: np.ndarray) -> np.ndarray:
    return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)


def load_or_compute(ids, texts, encoder_factory, store_dir: str, tag: str) -> np.ndarray:
    store = Path(store_dir)
    store.mkdir(parents=True, exist_ok=True)
    vec_path, ids_path = store / f"{tag}.npy", store / f"{tag}.ids.json"
    ids = [str(i) for i in ids]
    if vec_path.exists() and ids_path.exists() and json.loads(ids_path.read_text()) == ids:
        return np.load(vec_path)
    vectors = encoder_factory().encode(list(texts))
    np.save(vec_path, vectors)
    ids_path.write_text(json.dumps(ids))
    return vectors
