"""DVC stage: train LightGBM fraud model and write metrics."""
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

TARGET = "is_fraud"


def main() -> None:
    params = yaml.safe_load(open("params.yaml"))
    train = pd.read_parquet("data/split/train.parquet")
    test = pd.read_parquet("data/split/test.parquet")
    X_train, y_train = train.drop(columns=[TARGET]), train[TARGET]
    X_test, y_test = test.drop(columns=[TARGET]), test[TARGET]

    model = lgb.LGBMClassifier(**params["train"], random_state=params["seed"], verbose=-1)
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]

    baseline = DummyClassifier(strategy="stratified", random_state=params["seed"]).fit(X_train, y_train)
    base_proba = baseline.predict_proba(X_test)[:, 1]

    precision, recall, _ = precision_recall_curve(y_test, proba)
    recall_at_p80 = float(recall[precision >= 0.8].max()) if (precision >= 0.8).any() else 0.0

    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "recall_at_precision_80": recall_at_p80,
        "baseline_pr_auc": average_precision_score(y_test, base_proba),
    }
    Path("metrics").mkdir(exist_ok=True)
    with open("metrics/eval.json", "w") as fh:
        json.dump(metrics, fh, indent=2)

    Path("models").mkdir(exist_ok=True)
    model.booster_.save_model("models/fraud_lgbm.txt")
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
