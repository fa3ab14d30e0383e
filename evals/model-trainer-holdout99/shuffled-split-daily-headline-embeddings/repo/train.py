"""Does yesterday's news flow predict tomorrow's index direction?"""
import argparse
import json
from pathlib import Path

import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from headline_signal.data import daily_features


def evaluate(model, X, y):
    proba = model.predict_proba(X)[:, 1]
    return {
        "roc_auc": float(roc_auc_score(y, proba)),
        "accuracy": float(accuracy_score(y, (proba >= 0.5).astype(int))),
        "balanced_accuracy": float(balanced_accuracy_score(y, (proba >= 0.5).astype(int))),
    }


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    daily = daily_features(cfg)
    feature_cols = [c for c in daily.columns if c.startswith("e")] + ["n_headlines", "ret_prev"]
    X = daily[feature_cols].values
    y = daily["up_next"].values
    print(f"{len(daily)} trading days from {daily.index.min():%Y-%m-%d} to {daily.index.max():%Y-%m-%d}")

    X_train, X_test, y_train, y_test = train_test_split(
        X,
        y,
        test_size=cfg["split"]["test_size"],
        shuffle=cfg["split"]["shuffle"],
        random_state=seed,
    )

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    model = XGBClassifier(**cfg["model"], random_state=seed, eval_metric="logloss", n_jobs=-1)
    model.fit(X_train, y_train)

    metrics = {"baseline": evaluate(baseline, X_test, y_test), "xgb": evaluate(model, X_test, y_test)}
    print(json.dumps(metrics, indent=2))

    model.save_model(out_dir / "xgb_headlines.json")
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/experiment.yaml")
    main(ap.parse_args().config)
