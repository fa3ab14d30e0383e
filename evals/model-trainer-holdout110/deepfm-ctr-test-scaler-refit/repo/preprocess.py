import numpy as np
from sklearn.preprocessing import StandardScaler

NUM_COLS = ["price_log", "item_age_days", "user_orders_90d", "user_avg_basket", "item_views_7d"]
CAT_COLS = ["user_region", "device", "item_category", "brand", "slot"]


def fit_vocab(train_df, cols, min_count=5):
    """Index 0 is reserved for rare / unseen values."""
    vocabs = {}
    for c in cols:
        counts = train_df[c].value_counts()
        keep = counts[counts >= min_count].index
        vocabs[c] = {v: i + 1 for i, v in enumerate(keep)}
    return vocabs


def encode_categoricals(df, vocabs):
    cols = [df[c].map(vocabs[c]).fillna(0).astype(np.int64).to_numpy() for c in vocabs]
    return np.stack(cols, axis=1)


def encode_numeric(df, cols, scaler=None):
    values = df[cols].fillna(0.0).to_numpy(dtype=np.float32)
    if scaler is None:
        scaler = StandardScaler().fit(values)
    return scaler.transform(values).astype(np.float32), scaler
