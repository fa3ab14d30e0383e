"""Class balancing helpers shared by the sepsis and AKI early-warning models."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, RandomOverSampler


def balance_classes(X: pd.DataFrame, y: pd.Series, cfg: dict, seed: int):
    method = cfg.get("method", "smote")
    if method == "smote":
        sampler = SMOTE(
            sampling_strategy=cfg.get("sampling_strategy", "auto"),
            k_neighbors=cfg.get("k_neighbors", 5),
            random_state=seed,
        )
    elif method == "random":
        sampler = RandomOverSampler(sampling_strategy=cfg.get("sampling_strategy", "auto"), random_state=seed)
    elif method == "none":
        return X, y
    else:
        raise ValueError(f"unknown resampling method {method!r}")
    X_res, y_res = sampler.fit_resample(X, y)
    print(f"resampled {len(y)} -> {len(y_res)} rows, positive rate {np.mean(y):.3f} -> {np.mean(y_res):.3f}")
    return X_res, y_res
