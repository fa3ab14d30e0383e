import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import classification_report, f1_score, top_k_accuracy_score


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", default="runs/latest")
    args = ap.parse_args()
    work = Path(args.workdir)

    bundle = joblib.load(work / "router.joblib")
    featurizer, clf, baseline = bundle["featurizer"], bundle["clf"], bundle["baseline"]
    held = pd.read_parquet(work / "test_tickets.parquet")

    X_held = featurizer.fit_transform(held["text"].tolist())
    y_held = held["queue"]

    pred = clf.predict(X_held)
    proba = clf.predict_proba(X_held)
    metrics = {
        "macro_f1": f1_score(y_held, pred, average="macro"),
        "weighted_f1": f1_score(y_held, pred, average="weighted"),
        "top2_acc": top_k_accuracy_score(y_held, proba, k=2, labels=clf.classes_),
        "baseline_macro_f1": f1_score(y_held, baseline.predict(X_held), average="macro"),
    }
    print(classification_report(y_held, pred, digits=3))
    print(json.dumps(metrics, indent=2))
    (work / "test_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
