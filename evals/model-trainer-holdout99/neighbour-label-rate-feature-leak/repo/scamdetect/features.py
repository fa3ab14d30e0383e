"""Feature builders for the listing-scam model."""
import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors

META_COLS = ["price_eur", "account_age_days", "n_photos", "desc_len", "has_phone_in_text"]


def l2_normalize(emb: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return emb / np.clip(norms, 1e-12, None)


def neighbor_label_rate(emb: np.ndarray, labels: np.ndarray, k: int = 15) -> np.ndarray:
    """Share of scam listings among the k most similar descriptions (excluding the listing itself)."""
    nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute")
    nn.fit(emb)
    _, idx = nn.kneighbors(emb)
    neigh = idx[:, 1:]
    return labels[neigh].mean(axis=1)


def meta_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df[META_COLS].copy()
    out["log_price"] = np.log1p(out.pop("price_eur").clip(lower=0))
    out["young_account"] = (out["account_age_days"] < 14).astype(int)
    return out
