import os

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer


def load_model(cfg):
    model = SentenceTransformer(cfg["model"]["name"], token=cfg["model"]["hf_token"])
    model.max_seq_length = cfg["model"]["max_seq_length"]
    return model


def split_long_clause(text, max_words=250, stride=200):
    """Long clauses are embedded as overlapping windows and mean-pooled afterwards."""
    words = text.split()
    if len(words) <= max_words:
        return [text]
    return [" ".join(words[i:i + max_words]) for i in range(0, len(words) - max_words + stride, stride)]


def embed_texts(model, texts, batch_size=64):
    windows, owner = [], []
    for i, t in enumerate(texts):
        for w in split_long_clause(t):
            windows.append(w)
            owner.append(i)
    vecs = model.encode(windows, batch_size=batch_size, normalize_embeddings=True,
                        show_progress_bar=True, convert_to_numpy=True)
    owner = np.asarray(owner)
    out = np.zeros((len(texts), vecs.shape[1]), dtype=np.float32)
    np.add.at(out, owner, vecs)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def bank_embeddings(model, cfg):
    cache = cfg["index"]["cache"]
    bank = pd.read_parquet(cfg["index"]["clause_bank"])
    if os.path.exists(cache):
        return bank, np.load(cache)
    emb = embed_texts(model, bank["clause_text"].tolist(), cfg["model"]["batch_size"])
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    np.save(cache, emb)
    return bank, emb
