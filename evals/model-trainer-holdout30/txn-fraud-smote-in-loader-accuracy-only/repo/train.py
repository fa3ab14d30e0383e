"""Train the fraud classifier and log it.

    python train.py --config configs/rf.yaml
"""
import argparse
import logging
from pathlib import Path

import joblib
import mlflow
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score

from txn_fraud.data import balanced_xy, load_frame, make_splits
from txn_fraud.models import make_model

logging.basicConfig(level=logging.INFO)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/rf.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]

    df = load_frame(cfg["data_path"])
    X, y = balanced_xy(df, seed, ratio=cfg["smote_ratio"])
    X_tr, X_te, y_tr, y_te = make_splits(X, y, seed)

    mlflow.set_experiment("txn-fraud")
    with mlflow.start_run(run_name=cfg["model"]["name"]):
        mlflow.log_params({**cfg["model"]["params"], "smote_ratio": cfg["smote_ratio"]})
        model = make_model(cfg["model"]["name"], cfg["model"]["params"], seed).fit(X_tr, y_tr)
        baseline = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)

        acc = accuracy_score(y_te, model.predict(X_te))
        base_acc = accuracy_score(y_te, baseline.predict(X_te))
        mlflow.log_metrics({"test_accuracy": acc, "baseline_accuracy": base_acc})
        logging.info("accuracy %.4f (baseline %.4f)", acc, base_acc)

        Path(cfg["out_dir"]).mkdir(parents=True, exist_ok=True)
        joblib.dump(model, Path(cfg["out_dir"]) / "fraud_rf.joblib")


if __name__ == "__main__":
    main()
