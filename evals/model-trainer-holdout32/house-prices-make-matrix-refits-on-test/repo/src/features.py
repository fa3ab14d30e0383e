import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_matrix(df, num_cols, cat_cols, encoder=None, scaler=None, fit=True,
                add_ratios=True, fill_value=0.0, dtype=np.float32):
    """DataFrame -> dense feature matrix.

    fit=True  : (re)fits encoder/scaler on `df`
    fit=False : uses the given, already fitted encoder/scaler
    returns (X, encoder, scaler)
    """
    num = df[num_cols].astype(float).copy()
    if add_ratios:
        num["sqm_per_room"] = num["living_sqm"] / num["rooms"].clip(lower=1)
        num["lot_to_living"] = num["lot_sqm"] / num["living_sqm"].clip(lower=1)
    num = num.fillna(fill_value)
    cat = df[cat_cols].fillna("NA").astype(str)

    encoder = encoder or OneHotEncoder(handle_unknown="ignore", min_frequency=10, sparse_output=False)
    scaler = scaler or StandardScaler()
    if fit:
        encoder.fit(cat)
        scaler.fit(num)
    X = np.hstack([scaler.transform(num), encoder.transform(cat)]).astype(dtype)
    return X, encoder, scaler
