import hashlib
import logging
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer
from sklearn.decomposition import PCA

log = logging.getLogger(__name__)


def _cache_key(model_name, texts):
    h = hashlib.sha1(model_name.encode())
    for t in texts:
        h.update(t.encode("utf-8"))
    return h.hexdigest()[:16]


def embed_texts(texts, model_name, batch_size=64, normalize=True, cache_dir=None):
    texts = list(texts)
    cache_file = None
    if cache_dir:
        cache_file = Path(cache_dir) / f"{_cache_key(model_name, texts)}.npy"
        if cache_file.exists():
            log.info("loading cached embeddings from %s", cache_file)
            return np.load(cache_file)

    model = SentenceTransformer(model_name)
    emb = model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=normalize,
        show_progress_bar=True,
        convert_to_numpy=True,
    )
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache_file, emb)
    return emb


def fit_reducer(embeddings, n_components, whiten=False, seed=0):
    pca = PCA(n_components=n_components, whiten=whiten, random_state=seed)
    reduced = pca.fit_transform(embeddings)
    log.info(
        "PCA to %d dims keeps %.1f%% of variance",
        n_components,
        100 * pca.explained_variance_ratio_.sum(),
    )
    return pca, reduced
