import numpy as np
import pandas as pd
from sksurv.util import Surv

CATEGORICAL = ["menopausal_status", "tumor_grade", "hormone_therapy"]
NUMERIC = ["age", "tumor_size_mm", "positive_nodes", "progesterone_fmol", "estrogen_fmol"]


def load(path: str, time_col: str, event_col: str):
    df = pd.read_csv(path)
    df = df[df[time_col] > 0].copy()
    df["progesterone_fmol"] = np.log1p(df["progesterone_fmol"])
    df["estrogen_fmol"] = np.log1p(df["estrogen_fmol"])
    X = pd.get_dummies(df[NUMERIC + CATEGORICAL], columns=CATEGORICAL, drop_first=True, dtype=float)
    y = Surv.from_arrays(event=df[event_col].astype(bool), time=df[time_col].astype(float))
    return X, y


def eval_times(y_train, y_test, quantiles, n=25):
    lo, hi = np.quantile(y_train["time"][y_train["event"]], quantiles)
    hi = min(hi, y_test["time"].max() - 1)
    lo = max(lo, y_test["time"].min())
    return np.linspace(lo, hi, n)
