import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

LITHOLOGY_KEYS = {30000: 0, 65030: 1, 65000: 2, 80000: 3, 74000: 4, 70000: 5,
                  70032: 6, 88000: 7, 86000: 8, 99000: 9, 90000: 10, 93000: 11}


def load_force(path, sep, target, logs):
    df = pd.read_csv(path, sep=sep, usecols=["WELL", "DEPTH_MD", "GROUP", target] + logs)
    df[target] = df[target].map(LITHOLOGY_KEYS)
    for c in ["RSHA", "RMED", "RDEP"]:
        df[c] = np.log10(df[c].clip(lower=1e-2))
    df["GROUP"] = df["GROUP"].fillna("NA").astype("category")
    return df


def split_by_well(df, test_size, val_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df["WELL"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=val_size, random_state=seed + 1)
    tr_idx, val_idx = next(gss_val.split(dev, groups=dev["WELL"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test
