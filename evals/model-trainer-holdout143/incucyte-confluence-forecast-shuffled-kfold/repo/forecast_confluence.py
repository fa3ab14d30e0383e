"""
Forecast well confluence 24 h ahead from the IncuCyte time-lapse of the current run.

Input: IncuCyte "Phase Object Confluence" + "Phase Object Count" exports (one row per well x scan,
scans every 2 h over 5 days). Used to decide which wells of the expansion plate to passage tomorrow.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold

HORIZON_H = 24
SCAN_EVERY_H = 2
LAGS = (1, 2, 3, 6, 12)  # in scans


def load_export(conf_path, count_path):
    conf = pd.read_csv(conf_path)   # columns: Elapsed, Well, Confluence
    cnt = pd.read_csv(count_path)   # columns: Elapsed, Well, ObjectCount
    df = conf.merge(cnt, on=["Elapsed", "Well"])
    df["row"] = df["Well"].str[0]
    df["col"] = df["Well"].str[1:].astype(int)
    return df.sort_values(["Well", "Elapsed"]).reset_index(drop=True)


def make_features(df):
    g = df.groupby("Well", group_keys=False)
    for k in LAGS:
        df[f"conf_lag{k}"] = g["Confluence"].shift(k)
        df[f"count_lag{k}"] = g["ObjectCount"].shift(k)
    df["growth_6h"] = df["Confluence"] - df["conf_lag3"]
    df["growth_24h"] = df["Confluence"] - df["conf_lag12"]
    df["mean_obj_area"] = df["Confluence"] / df["ObjectCount"].clip(lower=1)
    df["edge_well"] = (df["row"].isin(["A", "P"]) | df["col"].isin([1, 24])).astype(int)
    steps = HORIZON_H // SCAN_EVERY_H
    df["target"] = g["Confluence"].shift(-steps)
    return df.dropna().reset_index(drop=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--confluence", default="exports/run42_phase_confluence.csv")
    ap.add_argument("--counts", default="exports/run42_phase_count.csv")
    ap.add_argument("--model-out", default="models/confluence_24h.joblib")
    args = ap.parse_args()

    df = make_features(load_export(args.confluence, args.counts))
    feat_cols = ["Elapsed", "Confluence", "ObjectCount", "growth_6h", "growth_24h", "mean_obj_area",
                 "edge_well"] + [c for c in df.columns if "_lag" in c]
    X, y = df[feat_cols].to_numpy(), df["target"].to_numpy()
    print(f"{len(df)} rows, {df['Well'].nunique()} wells, t = {df['Elapsed'].min()}..{df['Elapsed'].max()} h")

    params = dict(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, min_samples_leaf=40, random_state=0)
    kf = KFold(n_splits=5, shuffle=True, random_state=0)
    maes, r2s = [], []
    for fold, (tr, te) in enumerate(kf.split(X)):
        model = HistGradientBoostingRegressor(**params).fit(X[tr], y[tr])
        pred = model.predict(X[te])
        maes.append(mean_absolute_error(y[te], pred))
        r2s.append(r2_score(y[te], pred))
        print(f"fold {fold}: MAE {maes[-1]:.2f} %-points  R2 {r2s[-1]:.3f}")
    naive = mean_absolute_error(y, df["Confluence"])
    print(f"CV MAE {np.mean(maes):.2f} +/- {np.std(maes):.2f}  (persistence baseline {naive:.2f})")

    final = HistGradientBoostingRegressor(**params).fit(X, y)
    joblib.dump({"model": final, "features": feat_cols, "horizon_h": HORIZON_H}, args.model_out)


if __name__ == "__main__":
    main()
