"""Add-on (sports / kids pack) purchase propensity for the CRM campaign."""
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from features import load_frame, make_preprocessor


def precision_at_k(y_true, scores, frac):
    k = max(1, int(len(scores) * frac))
    idx = np.argsort(-scores)[:k]
    return float(np.mean(y_true[idx]))


def run(cfg):
    target = cfg["data"]["target"]
    df = load_frame(cfg["data"]["path"], target)
    num, cat = cfg["features"]["numeric"], cfg["features"]["categorical"]

    X, y = df[num + cat], df[target].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["seed"]
    )

    pipe = Pipeline([
        ("prep", make_preprocessor(num, cat)),
        ("rf", RandomForestClassifier(**cfg["model"]["params"], n_jobs=-1)),
    ])
    pipe.fit(X_train, y_train)

    scores = pipe.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, scores),
        "pr_auc": average_precision_score(y_test, scores),
        "base_rate": float(y_test.mean()),
        "precision_at_top": precision_at_k(y_test, scores, cfg["report"]["top_k_frac"]),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["report"]["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    joblib.dump(pipe, out / "model.joblib")


if __name__ == "__main__":
    with open("config.yaml") as fh:
        run(yaml.safe_load(fh))
