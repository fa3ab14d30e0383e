import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

DROP = ["subject_id", "hadm_id", "stay_id", "intime", "outtime", "dischtime"]


def make_loaders(cfg, seed):
    df = pd.read_parquet(cfg["data"]["path"])
    y = df[cfg["data"]["outcome"]].to_numpy(dtype=np.float32)
    X = df.drop(columns=DROP + [cfg["data"]["outcome"]])
    subjects = df["subject_id"].to_numpy()

    # split by patient so repeat admissions don't straddle splits
    uniq = np.unique(subjects)
    tr_s, rest_s = train_test_split(uniq, test_size=cfg["data"]["val_frac"] + cfg["data"]["test_frac"],
                                    random_state=seed)
    va_s, te_s = train_test_split(rest_s, test_size=0.5, random_state=seed)
    tr, va, te = (np.isin(subjects, s) for s in (tr_s, va_s, te_s))

    med = X[tr].median()
    X = X.fillna(med)
    scaler = StandardScaler().fit(X[tr])
    Xs = scaler.transform(X).astype(np.float32)

    def loader(mask, shuffle):
        ds = TensorDataset(torch.from_numpy(Xs[mask]), torch.from_numpy(y[mask]))
        return DataLoader(ds, batch_size=cfg["train"]["batch_size"], shuffle=shuffle)

    return loader(tr, True), loader(va, False), loader(te, False), Xs.shape[1]
