"""Class balancing helpers for the rare-outbreak problem."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, RandomOverSampler


def balance_classes(X: pd.DataFrame, y: pd.Series, cfg: dict):
    """Oversample outbreak field-seasons up to cfg['ratio'] of the majority class."""
    method = cfg.get("method", "smote")
    ratio = cfg.get("ratio", 0.5)
    if method == "smote":
        sampler = SMOTE(sampling_strategy=ratio, k_neighbors=cfg.get("k_neighbors", 5),
                        random_state=cfg["seed"])
    elif method == "random":
        sampler = RandomOverSampler(sampling_strategy=ratio, random_state=cfg["seed"])
    else:
        return X, y
    X_res, y_res = sampler.fit_resample(X, y)
    print(f"resampled {len(y)} -> {len(y_res)} rows, positives {np.mean(y):.3f} -> {np.mean(y_res):.3f}")
    return pd.DataFrame(X_res, columns=X.columns), pd.Series(y_res, name=y.name)
