"""Train the click reward model used by the direct-method / DR estimators."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from rm.data import load_logs
from rm.features import build_features


def evaluate(name, y_true, p):
    return {
        "model": name,
        "auc": float(roc_auc_score(y_true, p)),
        "log_loss": float(log_loss(y_true, p)),
        "brier": float(brier_score_loss(y_true, p)),
    }


def main(config_path):
    cfg = yaml.safe_load(Path(config_path).read_text())
    np.random.seed(cfg["seed"])

    logs = load_logs(cfg["data"]["logs_path"], cfg["data"]["min_propensity"])
    print(f"{len(logs):,} logged rounds, {logs['arm_id'].nunique()} arms, "
          f"mean reward {logs['reward'].mean():.4f}")

    X, transformer = build_features(logs, cfg["features"])
    y = logs["reward"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["seed"],
    )

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    model = HistGradientBoostingClassifier(
        learning_rate=cfg["model"]["learning_rate"],
        max_iter=cfg["model"]["max_iter"],
        max_leaf_nodes=cfg["model"]["max_leaf_nodes"],
        l2_regularization=cfg["model"]["l2_regularization"],
        early_stopping=True,
        validation_fraction=0.1,
        random_state=cfg["seed"],
    )
    model.fit(X_train, y_train)

    results = [
        evaluate("prior_baseline", y_test, baseline.predict_proba(X_test)[:, 1]),
        evaluate("hgb_reward_model", y_test, model.predict_proba(X_test)[:, 1]),
    ]
    for row in results:
        print(f"{row['model']:>18}  auc={row['auc']:.4f}  "
              f"logloss={row['log_loss']:.4f}  brier={row['brier']:.5f}")

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "transformer": transformer}, out_dir / "reward_model.joblib")
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/reward_model.yaml")
    args = parser.parse_args()
    main(args.config)
