"""
Reflow / AOI station defect model.

Each row is one board leaving the SMT line with process measurements from the
printer, pick-and-place and reflow oven. Target: board flagged defective at AOI.
"""
import argparse
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    f1_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 7

PROCESS_COLS = [
    "paste_volume_pct", "paste_height_um", "paste_offset_x_um", "paste_offset_y_um",
    "nozzle_vacuum_kpa", "placement_force_n", "placement_offset_um",
    "zone1_temp_c", "zone2_temp_c", "zone3_temp_c", "zone4_temp_c", "peak_temp_c",
    "time_above_liquidus_s", "conveyor_speed_cm_min", "o2_ppm",
]


def load_boards(path):
    df = pd.read_parquet(path)
    df = df[df["aoi_result"].isin(["PASS", "FAIL"])].copy()
    df["defect"] = (df["aoi_result"] == "FAIL").astype(int)
    # sensors that were offline report no value; 0 means "not measured" for these tools
    df[PROCESS_COLS] = df[PROCESS_COLS].fillna(0.0)
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/smt_line3_2024q1.parquet")
    parser.add_argument("--out", default="models/defect_xgb.joblib")
    args = parser.parse_args()

    df = load_boards(args.data)
    X, y = df[PROCESS_COLS].to_numpy(), df["defect"].to_numpy()
    print(f"{len(df)} boards, defect rate {y.mean():.3%}")

    X_res, y_res = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.2, stratify=y_res, random_state=SEED
    )

    baseline = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_train, y_train)
    model = XGBClassifier(
        n_estimators=500,
        max_depth=6,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        random_state=SEED,
    )
    model.fit(X_train, y_train)

    for name, est in [("stratified-dummy", baseline), ("xgboost", model)]:
        proba = est.predict_proba(X_test)[:, 1]
        pred = est.predict(X_test)
        print(
            f"{name}: PR-AUC={average_precision_score(y_test, proba):.3f} "
            f"ROC-AUC={roc_auc_score(y_test, proba):.3f} F1={f1_score(y_test, pred):.3f}"
        )
    print(classification_report(y_test, model.predict(X_test), digits=3))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, args.out)


if __name__ == "__main__":
    main()
