"""Predict seed/bubble defects in hand-blown glassware from furnace + gaffer telemetry.

One row per piece: glory-hole temperature trace summaries, gather weight, number of reheats,
annealer ramp, gaffer id and shift. Label: 1 if QC rejected the piece for seeds/bubbles (~4%).
"""
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger(__name__)

RNG = 11
TELEMETRY = "exports/studio_pieces_2022_2024.csv"


def load() -> pd.DataFrame:
    df = pd.read_csv(TELEMETRY)
    df = df[df["piece_type"].isin(["tumbler", "vase", "bowl"])]
    df["reheats_per_min"] = df["n_reheats"] / df["working_time_s"].clip(lower=30) * 60
    df["temp_spread"] = df["glory_hole_t_max"] - df["glory_hole_t_min"]
    df = pd.get_dummies(df, columns=["piece_type", "shift"], dtype=float)
    return df.drop(columns=["piece_id", "gaffer_name", "timestamp"])


def main():
    df = load()
    y = df.pop("seed_defect").to_numpy()
    X = df.to_numpy(dtype=float)
    log.info("pieces=%d defect rate=%.3f", len(y), y.mean())

    # defects are rare -> rebalance so the boosted trees actually see them
    X_bal, y_bal = BorderlineSMOTE(k_neighbors=5, random_state=RNG).fit_resample(X, y)
    log.info("after resampling: %d rows, defect rate %.2f", len(y_bal), y_bal.mean())

    X_fit, X_hold, y_fit, y_hold = train_test_split(
        X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=RNG
    )

    base = DummyClassifier(strategy="stratified", random_state=RNG).fit(X_fit, y_fit)
    clf = XGBClassifier(
        n_estimators=600, max_depth=5, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.8, eval_metric="aucpr", random_state=RNG,
    ).fit(X_fit, y_fit)

    for name, m in [("baseline", base), ("xgb", clf)]:
        proba = m.predict_proba(X_hold)[:, 1]
        log.info("%s ROC-AUC %.3f  PR-AUC %.3f", name, roc_auc_score(y_hold, proba),
                 average_precision_score(y_hold, proba))
    print(classification_report(y_hold, clf.predict(X_hold), digits=3))


if __name__ == "__main__":
    main()
