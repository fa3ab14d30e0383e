"""Word2Vec training and document pooling."""
import numpy as np
from gensim.models import Word2Vec


def train_word2vec(sentences, params, seed):
    model = Word2Vec(
        sentences=sentences,
        vector_size=params["vector_size"],
        window=params["window"],
        min_count=params["min_count"],
        sg=params["sg"],
        epochs=params["epochs"],
        workers=params["workers"],
        seed=seed,
    )
    return model.wv


def mean_pool(wv, docs):
    dim = wv.vector_size
    out = np.zeros((len(docs), dim * 2), dtype=np.float32)
    for i, toks in enumerate(docs):
        vecs = [wv[t] for t in toks if t in wv.key_to_index]
        if vecs:
            arr = np.vstack(vecs)
            out[i, :dim] = arr.mean(axis=0)
            out[i, dim:] = arr.max(axis=0)
    return out
