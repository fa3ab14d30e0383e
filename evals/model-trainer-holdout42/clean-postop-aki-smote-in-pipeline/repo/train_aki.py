"""Post-operative AKI (KDIGO stage >= 2 within 7 days) risk model with SMOTE inside the CV pipeline."""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
import yaml
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score, roc_curve
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "age", "bmi", "asa_class", "baseline_creatinine", "baseline_egfr", "hemoglobin_preop",
    "diabetes", "hypertension", "chf", "ckd", "acei_arb", "diuretic", "nsaid",
    "surgery_duration_min", "est_blood_loss_ml", "intraop_hypotension_min", "vasopressor_used",
    "contrast_within_72h", "emergency_surgery", "cardiac_surgery",
]


def with_prefix(grid, prefix):
    return {f"{prefix}__{k}": v for k, v in grid.items()}


def main(cfg):
    seed = cfg["seed"]
    df = pd.read_csv(cfg["data_path"])
    X, y, groups = df[FEATURES], df[cfg["target"]].to_numpy(), df[cfg["group"]].to_numpy()
    print(f"{len(df)} surgeries, {len(np.unique(groups))} patients, AKI rate {y.mean():.3%}")

    outer = StratifiedGroupKFold(n_splits=cfg["outer_folds"], shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], groups[dev_idx]
    X_test, y_test = X.iloc[test_idx], y[test_idx]

    inner = StratifiedGroupKFold(n_splits=cfg["inner_folds"], shuffle=True, random_state=seed + 1)

    smote_rf = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("smote", SMOTE(random_state=seed)),
        ("rf", RandomForestClassifier(random_state=seed, n_jobs=-1)),
    ])
    grid = {**with_prefix(cfg["smote_grid"], "smote"), **with_prefix(cfg["forest_grid"], "rf")}
    search = GridSearchCV(smote_rf, grid, scoring="average_precision", cv=inner, n_jobs=1, refit=True)
    search.fit(X_dev, y_dev, groups=g_dev)
    print("best params:", search.best_params_, f"inner-CV AUPRC {search.best_score_:.4f}")

    baseline = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("lr", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
    baseline.fit(X_dev, y_dev)

    oof = cross_val_predict(search.best_estimator_, X_dev, y_dev, groups=g_dev, cv=inner, method="predict_proba")[:, 1]
    fpr, tpr, thr = roc_curve(y_dev, oof)
    threshold = float(thr[np.argmax(tpr >= cfg["target_sensitivity"])])

    report = {}
    for name, model in [("logreg_balanced", baseline), ("smote_rf", search.best_estimator_)]:
        p = model.predict_proba(X_test)[:, 1]
        report[name] = {"auroc": roc_auc_score(y_test, p), "auprc": average_precision_score(y_test, p)}
    tn, fp, fn, tp = confusion_matrix(y_test, (search.predict_proba(X_test)[:, 1] >= threshold).astype(int)).ravel()
    report["smote_rf"].update(threshold=threshold, sensitivity=tp / (tp + fn), specificity=tn / (tn + fp),
                              ppv=tp / max(tp + fp, 1))
    print(json.dumps(report, indent=2, default=float))
    joblib.dump({"model": search.best_estimator_, "threshold": threshold}, cfg["artifact"])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/aki.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
