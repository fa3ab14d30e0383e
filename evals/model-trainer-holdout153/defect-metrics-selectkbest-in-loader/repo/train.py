import argparse
import json
import logging
from pathlib import Path

import joblib
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score, matthews_corrcoef
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import build_matrix

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    X, y, kept = build_matrix(cfg)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["split"]["seed"],
    )

    clf = make_pipeline(
        StandardScaler(),
        LogisticRegression(
            C=cfg["model"]["C"],
            penalty=cfg["model"]["penalty"],
            max_iter=cfg["model"]["max_iter"],
            class_weight="balanced",
        ),
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = clf.predict(X_test)
    metrics = {
        "auc": roc_auc_score(y_test, proba),
        "mcc": matthews_corrcoef(y_test, pred),
        "n_test": int(len(y_test)),
        "features": kept,
    }
    print(classification_report(y_test, pred, digits=3))
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(clf, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
