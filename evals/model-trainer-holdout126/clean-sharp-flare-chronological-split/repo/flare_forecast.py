"""24 h >=M1.0 flare forecast from SHARP parameters (Bobra & Couvidat 2015 style baseline).

Chronological split: train 2010-05..2014-12, validation 2015, test 2016-2019.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SHARP_KEYS = ["USFLUX", "TOTUSJH", "TOTUSJZ", "TOTPOT", "ABSNJZH", "SAVNCPP",
              "MEANPOT", "SHRGT45", "MEANSHR", "MEANGAM", "MEANGBT", "R_VALUE", "AREA_ACR"]
SPLITS = {"train": ("2010-05-01", "2015-01-01"),
          "val": ("2015-01-01", "2016-01-01"),
          "test": ("2016-01-01", "2020-01-01")}


def tss(y, yhat):
    tn, fp, fn, tp = confusion_matrix(y, yhat, labels=[0, 1]).ravel()
    return tp / (tp + fn) - fp / (fp + tn)


def load():
    df = pd.read_parquet("data/sharp_720s_hourly.parquet")
    df["T_REC"] = pd.to_datetime(df["T_REC"])
    df = df[df["LON_FWT"].abs() <= 68].sort_values(["HARPNUM", "T_REC"])

    # trends over the previous 6 and 24 hourly records of the same region
    g = df.groupby("HARPNUM", group_keys=False)
    for k in ["USFLUX", "TOTUSJH", "R_VALUE"]:
        df[f"{k}_d6h"] = g[k].diff(6)
        df[f"{k}_mean24h"] = g[k].apply(lambda s: s.rolling(24, min_periods=6).mean())
    for k in ["USFLUX", "TOTUSJH", "TOTUSJZ", "TOTPOT", "ABSNJZH", "SAVNCPP", "AREA_ACR"]:
        df[k] = np.log10(df[k].clip(lower=1e-3))
    return df.dropna()


def main():
    df = load()
    feats = SHARP_KEYS + [c for c in df.columns if c.endswith(("_d6h", "_mean24h"))]
    parts = {name: df[(df["T_REC"] >= lo) & (df["T_REC"] < hi)] for name, (lo, hi) in SPLITS.items()}
    for name, p in parts.items():
        print(f"{name:5s} {len(p):7d} rows  {p['HARPNUM'].nunique():5d} HARPs  pos={p['flare_M_24h'].mean():.4f}")

    X = {n: p[feats].to_numpy() for n, p in parts.items()}
    y = {n: p["flare_M_24h"].to_numpy().astype(int) for n, p in parts.items()}

    clf = make_pipeline(
        StandardScaler(),
        LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000),
    )
    clf.fit(X["train"], y["train"])

    p_val = clf.predict_proba(X["val"])[:, 1]
    thresholds = np.linspace(0.05, 0.95, 91)
    tss_val = [tss(y["val"], (p_val >= t).astype(int)) for t in thresholds]
    thr = thresholds[int(np.argmax(tss_val))]
    print(f"val: AUC {roc_auc_score(y['val'], p_val):.3f}  best TSS {max(tss_val):.3f} at p>={thr:.2f}")

    p_test = clf.predict_proba(X["test"])[:, 1]
    print(f"test: AUC {roc_auc_score(y['test'], p_test):.3f}  "
          f"TSS {tss(y['test'], (p_test >= thr).astype(int)):.3f} at p>={thr:.2f}")


if __name__ == "__main__":
    main()
