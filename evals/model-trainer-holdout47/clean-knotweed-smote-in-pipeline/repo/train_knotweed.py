"""Japanese knotweed presence per 100 m riverbank segment (2023 aerial survey).

Positives are rare (~4%), so the candidate pipelines oversample with SMOTE.
"""
import json

import numpy as np
import pandas as pd
import yaml
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

FEATURES = [
    "dist_road_m", "dist_rail_m", "dist_settlement_m", "upstream_infested_km", "bank_slope_deg",
    "flood_freq_10yr", "canopy_cover_pct", "ndvi_summer", "soil_disturbance_idx", "channel_width_m",
]


def best_f1_threshold(y, proba):
    prec, rec, thr = precision_recall_curve(y, proba)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    return float(thr[np.nanargmax(f1)])


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed = cfg["seed"]
    np.random.seed(seed)

    df = pd.read_csv(cfg["data"]).dropna(subset=FEATURES + ["knotweed_present"])
    X, y = df[FEATURES], df["knotweed_present"].astype(int)
    print(f"{len(df)} bank segments, positive rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)

    candidates = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg_smote": Pipeline([
            ("scale", StandardScaler()),
            ("smote", SMOTE(**cfg["smote"], random_state=seed)),
            ("clf", LogisticRegression(C=0.5, max_iter=4000)),
        ]),
        "xgb_smote": Pipeline([
            ("smote", SMOTE(**cfg["smote"], random_state=seed)),
            ("clf", XGBClassifier(**cfg["xgb"], random_state=seed, n_jobs=-1)),
        ]),
    }

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    results = {}
    for name, model in candidates.items():
        oof = cross_val_predict(model, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
        threshold = best_f1_threshold(y_train, oof) if name != "prior" else 0.5
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        pred = (proba >= threshold).astype(int)
        results[name] = {
            "cv_pr_auc": average_precision_score(y_train, oof),
            "threshold_from_cv": threshold,
            "test_pr_auc": average_precision_score(y_test, proba),
            "test_roc_auc": roc_auc_score(y_test, proba),
            "test_precision": precision_score(y_test, pred, zero_division=0),
            "test_recall": recall_score(y_test, pred),
            "test_f1": f1_score(y_test, pred),
        }

    table = pd.DataFrame(results).T.round(4)
    print(table)
    with open("reports/knotweed_model_comparison.json", "w") as f:
        json.dump(table.to_dict(orient="index"), f, indent=2)


if __name__ == "__main__":
    main()
