"""Virtual metrology for post-etch CD.

Predicts the post-etch critical dimension (CD, nm) of every wafer from its FDC summary and the
recent metrology history of the chamber, so that only 1 in 5 wafers has to go to the CD-SEM.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

FDC_COLS = [
    "rf_forward_w_mean", "rf_reflected_w_mean", "dc_bias_v_mean", "chamber_pressure_mtorr_mean",
    "chamber_pressure_mtorr_std", "cf4_flow_sccm_mean", "o2_flow_sccm_mean", "esc_temp_c_mean",
    "he_backside_torr_mean", "endpoint_time_s", "rf_hours_since_pm",
]


def build_features(df):
    df = df.sort_values(["chamber_id", "process_end_time"]).copy()
    g = df.groupby("chamber_id", sort=False)["cd_post_etch_nm"]
    # chamber drift: what the last few measured wafers on this chamber looked like
    df["cd_prev_1"] = g.shift(1)
    df["cd_prev_ewma"] = g.transform(lambda s: s.shift(1).ewm(alpha=0.3, adjust=False).mean())
    df["cd_prev_roll5_std"] = g.transform(lambda s: s.shift(1).rolling(5, min_periods=2).std())
    df["runs_since_pm"] = df.groupby(["chamber_id", "pm_counter"]).cumcount()
    df = df.dropna(subset=["cd_prev_1", "cd_prev_ewma"])
    feats = FDC_COLS + ["cd_pre_etch_nm", "cd_prev_1", "cd_prev_ewma", "cd_prev_roll5_std", "runs_since_pm"]
    df["chamber_code"] = df["chamber_id"].astype("category").cat.codes
    return df, feats + ["chamber_code"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/etch_poly_gate_runs.parquet")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="vm_metrics.json")
    args = ap.parse_args()

    runs = pd.read_parquet(args.data, columns=["wafer_id", "lot_id", "chamber_id", "process_end_time",
                                               "pm_counter", "cd_pre_etch_nm", "cd_post_etch_nm"] + FDC_COLS)
    runs["process_end_time"] = pd.to_datetime(runs["process_end_time"])
    runs = runs.dropna(subset=["cd_post_etch_nm"])
    df, feats = build_features(runs)
    print(f"{len(df)} measured wafers from {df.process_end_time.min():%Y-%m-%d} to {df.process_end_time.max():%Y-%m-%d}")

    X, y = df[feats], df["cd_post_etch_nm"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)

    model = lgb.LGBMRegressor(
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=args.seed,
        verbose=-1,
    )
    model.fit(X_train, y_train, categorical_feature=["chamber_code"])

    pred = model.predict(X_test)
    naive = X_test["cd_prev_ewma"].to_numpy()
    metrics = {
        "mae_nm": float(mean_absolute_error(y_test, pred)),
        "r2": float(r2_score(y_test, pred)),
        "mae_ewma_baseline_nm": float(mean_absolute_error(y_test, naive)),
        "within_0.5nm": float(np.mean(np.abs(y_test - pred) <= 0.5)),
    }
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
