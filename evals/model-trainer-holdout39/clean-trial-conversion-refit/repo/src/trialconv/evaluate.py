import json
from pathlib import Path

import joblib
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from .settings import feature_list, settings


def main() -> None:
    s = settings()
    test = pd.read_parquet(Path(s["splits"]) / "test.parquet")
    X, y = test[feature_list()], test[s["target"]]

    cat = CatBoostClassifier()
    cat.load_model(str(Path(s["models"]) / "catboost_final.cbm"))
    base = joblib.load(Path(s["models"]) / "logreg_baseline.joblib")

    report = {}
    for name, proba in (("catboost", cat.predict_proba(X)[:, 1]), ("logreg_baseline", base.predict_proba(X)[:, 1])):
        report[name] = {"roc_auc": roc_auc_score(y, proba), "pr_auc": average_precision_score(y, proba),
                        "log_loss": log_loss(y, proba)}
    Path(s["models"], "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
