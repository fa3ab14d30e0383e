"""Hamstring injury risk from pre-season screening.

One row per player per pre-season screening (multi-club academy + first team
dataset). Target: hamstring strain recorded in the following competitive season.
"""
import argparse

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    precision_recall_curve,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 2024

NUMERIC = [
    "age",
    "body_mass_kg",
    "nordic_peak_force_left",
    "nordic_peak_force_right",
    "nordic_asymmetry_pct",
    "hip_flexion_rom",
    "sprint_max_speed_kmh",
    "prev_season_minutes",
    "prev_hamstring_injuries",
    "days_missed_prev_season",
]
CATEGORICAL = ["position_group"]


def load_screening(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["nordic_asymmetry_pct"] = (
        (df["nordic_peak_force_left"] - df["nordic_peak_force_right"]).abs()
        / df[["nordic_peak_force_left", "nordic_peak_force_right"]].max(axis=1)
        * 100
    )
    df = df.dropna(subset=NUMERIC + ["hamstring_injury_next_season"])
    return df


def build_matrix(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    X = df[NUMERIC].copy()
    X = X.join(pd.get_dummies(df[CATEGORICAL], dtype=float))
    y = df["hamstring_injury_next_season"].astype(int)
    return X, y


def pick_threshold(y_true, proba, min_recall: float = 0.6) -> float:
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    ok = recall[:-1] >= min_recall
    return float(thresholds[ok][np.argmax(precision[:-1][ok])]) if ok.any() else 0.5


def main(args: argparse.Namespace) -> None:
    df = load_screening(args.data)
    X, y = build_matrix(df)
    print(f"{len(df)} screenings, injury rate {y.mean():.3%}")

    X_res, y_res = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, stratify=y_res, random_state=SEED
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=SEED
    )

    baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
    baseline.fit(X_fit[["nordic_asymmetry_pct", "prev_hamstring_injuries", "age"]], y_fit)

    model = XGBClassifier(
        n_estimators=600,
        max_depth=4,
        learning_rate=0.03,
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        early_stopping_rounds=50,
        random_state=SEED,
    )
    model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)

    threshold = pick_threshold(y_val, model.predict_proba(X_val)[:, 1])
    p_test = model.predict_proba(X_test)[:, 1]
    p_base = baseline.predict_proba(X_test[["nordic_asymmetry_pct", "prev_hamstring_injuries", "age"]])[:, 1]

    print(f"baseline  ROC-AUC {roc_auc_score(y_test, p_base):.3f}  PR-AUC {average_precision_score(y_test, p_base):.3f}")
    print(f"xgboost   ROC-AUC {roc_auc_score(y_test, p_test):.3f}  PR-AUC {average_precision_score(y_test, p_test):.3f}")
    print(f"threshold {threshold:.3f}")
    print(classification_report(y_test, (p_test >= threshold).astype(int), digits=3))

    model.save_model(args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/preseason_screening.csv")
    parser.add_argument("--out", default="models/hamstring_xgb.json")
    main(parser.parse_args())
