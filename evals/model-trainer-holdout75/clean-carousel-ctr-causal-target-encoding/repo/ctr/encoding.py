"""Click-rate encodings for id columns."""
import numpy as np
import pandas as pd


def causal_target_encode(train, cols, target, smoothing, ts_col="ts"):
    train = train.sort_values(ts_col)
    prior = train[target].mean()
    out = pd.DataFrame(index=train.index)
    for col in cols:
        grp = train.groupby(col)[target]
        prev_clicks = grp.cumsum() - train[target]
        prev_imps = grp.cumcount()
        out[f"{col}_ctr"] = ((prev_clicks + prior * smoothing) / (prev_imps + smoothing)).astype(np.float32)
    return out, prior


def fit_frozen_encoding(train, cols, target, smoothing):
    prior = train[target].mean()
    tables = {}
    for col in cols:
        stats = train.groupby(col)[target].agg(["sum", "count"])
        tables[col] = (stats["sum"] + prior * smoothing) / (stats["count"] + smoothing)
    return tables, prior


def apply_frozen_encoding(df, tables, prior):
    out = pd.DataFrame(index=df.index)
    for col, table in tables.items():
        out[f"{col}_ctr"] = df[col].map(table).fillna(prior).astype(np.float32)
    return out
