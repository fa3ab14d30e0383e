import json
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd


def load_admissions(path):
    df = pd.read_csv(path, parse_dates=["admit_date", "discharge_date"])
    df["los_days"] = (df["discharge_date"] - df["admit_date"]).dt.days
    # keep the index admission per patient so no patient is in both train and test
    df = df.sort_values("admit_date").drop_duplicates("patient_id", keep="first")
    return df


def standardise(X, cont_cols, mu=None, sd=None):
    X = X.astype(float).copy()
    if mu is None:
        mu, sd = X[cont_cols].mean(), X[cont_cols].std(ddof=0)
    X[cont_cols] = (X[cont_cols] - mu) / sd
    return X, mu, sd


def write_report(out_dir, odds, metrics, calibration):
    os.makedirs(out_dir, exist_ok=True)
    odds.round(3).to_csv(os.path.join(out_dir, "odds_ratios.csv"))
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2, default=float)
    frac_pos, mean_pred = calibration
    plt.figure(figsize=(4, 4))
    plt.plot(mean_pred, frac_pos, "o-")
    plt.plot([0, 1], [0, 1], "k--", lw=1)
    plt.xlabel("predicted"); plt.ylabel("observed")
    plt.savefig(os.path.join(out_dir, "calibration_test.png"), dpi=120, bbox_inches="tight")
