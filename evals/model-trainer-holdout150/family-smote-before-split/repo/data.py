import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE

NON_FEATURES = ["sha256", "family", "source", "first_submission"]


def load_config(path):
    with open(path) as f:
        return json.load(f)


def load_family_dataset(csv_path, min_samples):
    """EMBER-style numeric features for samples with an AVClass family label."""
    df = pd.read_csv(csv_path)
    df = df.dropna(subset=["family"])
    counts = df["family"].value_counts()
    keep = counts[counts >= min_samples].index
    df = df[df["family"].isin(keep)].reset_index(drop=True)
    X = df.drop(columns=NON_FEATURES).astype(np.float32)
    y = df["family"].values
    return X, y


def balance_families(X, y, seed, k_neighbors=3):
    """Bring the long-tail families up to the size of the largest one."""
    smote = SMOTE(k_neighbors=k_neighbors, random_state=seed)
    X_res, y_res = smote.fit_resample(X, y)
    return X_res, y_res
