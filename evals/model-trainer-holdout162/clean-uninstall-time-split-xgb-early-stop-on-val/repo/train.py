import json
import sys

import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from src.splits import time_splits


def main(config_path="config.json"):
    cfg = json.load(open(config_path))
    df = pd.read_parquet(cfg["snapshots_path"])
    df["snapshot_date"] = pd.to_datetime(df["snapshot_date"])
    df = df.sort_values("snapshot_date")

    train, valid, test = time_splits(df, cfg)
    feats, label = cfg["features"], cfg["label"]
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        print(f"{name:5s} {part['snapshot_date'].min().date()} .. {part['snapshot_date'].max().date()} "
              f"rows={len(part):,} pos={part[label].mean():.4f}")

    model = XGBClassifier(**cfg["xgb"])
    model.fit(
        train[feats], train[label],
        eval_set=[(valid[feats], valid[label])],
        verbose=200,
    )
    print("best iteration:", model.best_iteration)

    p = model.predict_proba(test[feats])[:, 1]
    metrics = {
        "best_iteration": int(model.best_iteration),
        "test_pr_auc": float(average_precision_score(test[label], p)),
        "test_roc_auc": float(roc_auc_score(test[label], p)),
    }
    print(json.dumps(metrics, indent=2))
    model.save_model("uninstall_7d_xgb.json")
    json.dump(metrics, open("metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
