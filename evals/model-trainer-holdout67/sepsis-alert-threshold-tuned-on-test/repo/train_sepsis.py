"""Hourly early-warning model for sepsis onset (PhysioNet/CinC 2019 format)."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

VITALS = ["HR", "O2Sat", "Temp", "SBP", "MAP", "Resp"]
LABS = ["Lactate", "WBC", "Creatinine", "Platelets", "Bilirubin_total", "BUN"]


def add_temporal_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["patient_id", "ICULOS"]).copy()
    g = df.groupby("patient_id")
    for col in VITALS:
        df[f"{col}_d1"] = g[col].diff()
        df[f"{col}_mean6"] = g[col].transform(lambda s: s.rolling(6, min_periods=1).mean())
    for col in LABS:
        df[f"{col}_measured"] = df[col].notna().astype(int)
        df[col] = g[col].ffill()
    return df


def split_by_patient(df, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df["patient_id"]))
    return df.iloc[a], df.iloc[b]


def main(cfg_path: str = "config.json") -> None:
    cfg = json.load(open(cfg_path))
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = add_temporal_features(pd.read_parquet(cfg["data_path"]))
    features = [c for c in df.columns if c not in ("patient_id", "SepsisLabel")]

    dev, test = split_by_patient(df, cfg["test_frac"], cfg["seed"])
    train, val = split_by_patient(dev, cfg["val_frac"], cfg["seed"])
    print(f"hours: train={len(train)} val={len(val)} test={len(test)}; "
          f"positive rate {train['SepsisLabel'].mean():.3f}")

    spw = (train["SepsisLabel"] == 0).sum() / max((train["SepsisLabel"] == 1).sum(), 1)
    model = xgb.XGBClassifier(**cfg["xgb"], scale_pos_weight=spw, random_state=cfg["seed"])
    model.fit(
        train[features], train["SepsisLabel"],
        eval_set=[(val[features], val["SepsisLabel"])],
        verbose=200,
    )

    base_cols = ["HR", "Resp", "SBP", "Temp", "Age"]
    baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
    baseline.fit(train[base_cols].fillna(train[base_cols].median()), train["SepsisLabel"])
    p_base = baseline.predict_proba(test[base_cols].fillna(train[base_cols].median()))[:, 1]

    y_test = test["SepsisLabel"].to_numpy()
    p_test = model.predict_proba(test[features])[:, 1]

    best_thr, best_ppv = 0.5, 0.0
    for thr in np.linspace(0.01, 0.99, 99):
        tn, fp, fn, tp = confusion_matrix(y_test, p_test >= thr).ravel()
        sens = tp / (tp + fn)
        ppv = tp / max(tp + fp, 1)
        if sens >= cfg["min_sensitivity"] and ppv > best_ppv:
            best_thr, best_ppv = thr, ppv

    tn, fp, fn, tp = confusion_matrix(y_test, p_test >= best_thr).ravel()
    report = {
        "auroc": roc_auc_score(y_test, p_test),
        "auprc": average_precision_score(y_test, p_test),
        "baseline_auroc": roc_auc_score(y_test, p_base),
        "baseline_auprc": average_precision_score(y_test, p_base),
        "threshold": float(best_thr),
        "sensitivity": tp / (tp + fn),
        "specificity": tn / (tn + fp),
        "ppv": tp / max(tp + fp, 1),
        "alerts_per_100_patient_hours": 100 * (tp + fp) / len(y_test),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(report, indent=2))
    json.dump(report, open(out / "test_report.json", "w"), indent=2)
    model.save_model(out / "model.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
