"""Over/under 2.5 goals classifier."""
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from xgboost import XGBClassifier

from data import load_split


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    X_train, y_train, X_test, y_test, test_df = load_split(cfg)
    print(f"train {len(X_train)}  test {len(X_test)}  base rate {y_train.mean():.3f}")

    p = cfg["xgb"]
    model = XGBClassifier(
        n_estimators=p["n_estimators"],
        learning_rate=p["learning_rate"],
        max_depth=p["max_depth"],
        min_child_weight=p["min_child_weight"],
        subsample=p["subsample"],
        colsample_bytree=p["colsample_bytree"],
        early_stopping_rounds=p["early_stopping_rounds"],
        eval_metric="logloss",
        random_state=p["seed"],
        tree_method="hist",
    )
    model.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_test, y_test)], verbose=100)
    print("best iteration:", model.best_iteration)

    proba = model.predict_proba(X_test)[:, 1]
    market = test_df["o25_implied_close"].to_numpy()
    metrics = {
        "best_iteration": int(model.best_iteration),
        "log_loss": log_loss(y_test, proba),
        "brier": brier_score_loss(y_test, proba),
        "auc": roc_auc_score(y_test, proba),
        "market_log_loss": log_loss(y_test, np.clip(market, 1e-6, 1 - 1e-6)),
    }
    print(json.dumps(metrics, indent=2))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    model.save_model(out / "model.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
