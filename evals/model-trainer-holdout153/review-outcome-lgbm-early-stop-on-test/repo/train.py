import json
import sys
from pathlib import Path

import lightgbm as lgb
import yaml
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from data import load_changes, temporal_split


def main(config_path):
    cfg = yaml.safe_load(open(config_path))
    df = load_changes(cfg)
    (X_train, y_train), (X_test, y_test) = temporal_split(df, cfg)
    print(f"train={len(X_train)} ({y_train.mean():.2%} merged)  "
          f"test={len(X_test)} ({y_test.mean():.2%} merged)")

    model = lgb.LGBMClassifier(**cfg["lgbm"], verbose=-1)
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="auc",
        callbacks=[
            lgb.early_stopping(cfg["early_stopping_rounds"]),
            lgb.log_evaluation(250),
        ],
    )

    proba = model.predict_proba(X_test, num_iteration=model.best_iteration_)[:, 1]
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "auc": float(roc_auc_score(y_test, proba)),
        "pr_auc_abandoned": float(average_precision_score(1 - y_test, 1 - proba)),
        "f1_merged": float(f1_score(y_test, proba >= 0.5)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/openstack.yaml")
