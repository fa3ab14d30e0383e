import numpy as np


def class_centroids(emb, labels):
    """Mean embedding per class, re-normalised to unit length."""
    classes = np.unique(labels)
    cents = np.stack([emb[labels == c].mean(axis=0) for c in classes])
    cents /= np.linalg.norm(cents, axis=1, keepdims=True)
    return classes, cents


def prototype_similarities(emb, centroids):
    """Cosine similarity of every (normalised) embedding to every class prototype."""
    return emb @ centroids.T


def text_stats(texts):
    s = texts.fillna("")
    return np.column_stack([
        s.str.len().values,
        s.str.split().str.len().values,
        s.str.count(r"\?").values,
        s.str.contains(r"https?://", regex=True).astype(int).values,
        s.str.contains(r"\b(?:error|exception|failed)\b", case=False, regex=True).astype(int).values,
    ])
