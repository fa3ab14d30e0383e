import os

import numpy as np
from sentence_transformers import SentenceTransformer
from sklearn.preprocessing import StandardScaler

ENCODER = "sentence-transformers/all-mpnet-base-v2"
_model = None


def embed(texts, cache_path=None, batch_size=64):
    """Encode utterances with a frozen sentence-transformers model (cached to .npy)."""
    global _model
    if cache_path and os.path.exists(cache_path):
        return np.load(cache_path)
    if _model is None:
        _model = SentenceTransformer(ENCODER)
    X = _model.encode(list(texts), batch_size=batch_size, show_progress_bar=True,
                      convert_to_numpy=True)
    if cache_path:
        np.save(cache_path, X)
    return X


def scale(X, scaler=None):
    """Standardise embedding dims; fits a new scaler when none is given."""
    if scaler is None:
        scaler = StandardScaler().fit(X)
    return scaler.transform(X), scaler
