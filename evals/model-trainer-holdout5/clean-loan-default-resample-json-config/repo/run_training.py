import json
import logging
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (average_precision_score, fbeta_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.model_selection import train_test_split

from creditmodel.pipeline import build_logreg, build_xgb
from creditmodel.thresholds import fbeta_threshold

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("loan")


def evaluate(y, scores, thr, beta):
    flags = scores >= thr
    return {"roc_auc": roc_auc_score(y, scores), "pr_auc": average_precision_score(y, scores),
            "precision": precision_score(y, flags, zero_division=0), "recall": recall_score(y, flags),
            f"f{beta:g}": fbeta_score(y, flags, beta=beta)}


def main(config_path: str = "config.json") -> None:
    cfg = json.loads(Path(config_path).read_text())
    seed, d, beta = cfg["seed"], cfg["data"], cfg["threshold"]["beta"]
    np.random.seed(seed)

    book = pd.read_csv(d["path"])
    X = book[d["numeric"] + d["categorical"]]
    y = book[d["target"]].astype(int)
    log.info("default rate %.3f over %d loans", y.mean(), len(y))

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=d["test_size"], stratify=y, random_state=seed)
    X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=d["valid_size"], stratify=y_dev,
                                                  random_state=seed)

    models = {"xgb_smote": build_xgb(cfg, seed), "logreg": build_logreg(cfg),
              "prior": DummyClassifier(strategy="prior")}
    results = {}
    for name, model in models.items():
        model.fit(X_fit, y_fit)                      # SMOTE runs here, on X_fit only
        val_scores = model.predict_proba(X_val)[:, 1]
        thr = fbeta_threshold(y_val, val_scores, beta) if name != "prior" else 0.5
        test_scores = model.predict_proba(X_test)[:, 1]
        results[name] = {"threshold": thr, "valid_pr_auc": average_precision_score(y_val, val_scores),
                         "test": evaluate(y_test.to_numpy(), test_scores, thr, beta)}
        log.info("%s: %s", name, json.dumps(results[name]))

    out = Path(cfg["artifacts"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(models["xgb_smote"], out / "xgb_smote.joblib")
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
