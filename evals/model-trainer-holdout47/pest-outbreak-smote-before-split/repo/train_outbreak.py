"""Fall armyworm outbreak risk per field-season (XGBoost)."""
import json
import sys

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from pestwatch.features import build_features, feature_columns
from pestwatch.sampling import balance_classes


def evaluate(name, y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {
        "model": name,
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
        "f1": f1_score(y_true, pred),
    }


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["seed"]
    np.random.seed(seed)

    raw = pd.read_csv(cfg["data"])
    df = build_features(raw).dropna(subset=feature_columns() + ["outbreak"])
    X = df[feature_columns()].astype(float)
    y = df["outbreak"].astype(int)
    print(f"{len(df)} field-seasons, outbreak rate {y.mean():.3%}")

    X_bal, y_bal = balance_classes(X, y, {**cfg["balance"], "seed": seed})
    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=cfg["test_size"], stratify=y_bal, random_state=seed
    )

    models = {
        "majority": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=3000)),
        "xgb": XGBClassifier(**cfg["xgb"], random_state=seed, n_jobs=-1),
    }
    results = []
    for name, model in models.items():
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        results.append(evaluate(name, y_test, proba, cfg["threshold"]))

    table = pd.DataFrame(results).set_index("model").round(4)
    print(table)
    table.to_csv("reports/outbreak_holdout.csv")

    imp = pd.Series(models["xgb"].feature_importances_, index=X.columns).sort_values(ascending=False)
    with open("reports/outbreak_importance.json", "w") as f:
        json.dump(imp.round(4).to_dict(), f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")
