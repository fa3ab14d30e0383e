"""Patient-level splits: fit / calibration / test. A patient appears in exactly one part."""
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold

SEED = 606


def patient_splits(df: pd.DataFrame, target: str, group: str = "patient_id"):
    """5 stratified group folds: fold 0 -> test, fold 1 -> calibration, rest -> fit."""
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    fold_of = np.empty(len(df), dtype=int)
    for k, (_, idx) in enumerate(sgkf.split(df, df[target], groups=df[group])):
        fold_of[idx] = k
    return df[fold_of >= 2], df[fold_of == 1], df[fold_of == 0]
