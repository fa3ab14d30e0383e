import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, roc_curve


def gains_table(y, p, n_bins=10):
    df = pd.DataFrame({"y": y, "p": p})
    df["decile"] = pd.qcut(df["p"].rank(method="first"), n_bins, labels=False)
    t = df.groupby("decile").agg(n=("y", "size"), bads=("y", "sum"), avg_pd=("p", "mean"))
    t = t.sort_index(ascending=False)
    t["bad_rate"] = t["bads"] / t["n"]
    t["cum_bad_capture"] = t["bads"].cumsum() / t["bads"].sum()
    return t.reset_index()


def validation_report(y, p):
    auc = roc_auc_score(y, p)
    fpr, tpr, _ = roc_curve(y, p)
    gt = gains_table(y, p)
    return {
        "auc": round(auc, 4),
        "gini": round(2 * auc - 1, 4),
        "ks": round(float(np.max(tpr - fpr)), 4),
        "top_decile_capture": round(float(gt["cum_bad_capture"].iloc[0]), 4),
        "calibration_ratio": round(float(p.mean() / y.mean()), 4),
        "gains": gt.round(4).to_dict(orient="records"),
    }
