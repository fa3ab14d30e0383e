"""Train the LightGBM CTR model for in-app banner ads.

python train.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import yaml
from sklearn.metrics import log_loss, roc_auc_score

from features import align_categories, load_impressions, time_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    cat_cols = cfg["features"]["categorical"]
    feats = cat_cols + cfg["features"]["numeric"]
    label = cfg["data"]["label"]

    df = load_impressions(cfg)
    train_df, test_df = time_split(df, cfg["data"]["time_col"], cfg["data"]["test_days"])
    train_df, test_df = align_categories(train_df, test_df, cat_cols)
    print(f"train {len(train_df):,} rows ctr={train_df[label].mean():.4f} | "
          f"test {len(test_df):,} rows ctr={test_df[label].mean():.4f}")

    dtrain = lgb.Dataset(train_df[feats], train_df[label], categorical_feature=cat_cols)
    dvalid = lgb.Dataset(test_df[feats], test_df[label], reference=dtrain)

    booster = lgb.train(
        cfg["lgb"],
        dtrain,
        num_boost_round=cfg["train"]["num_boost_round"],
        valid_sets=[dtrain, dvalid],
        valid_names=["train", "valid"],
        callbacks=[
            lgb.early_stopping(cfg["train"]["early_stopping_rounds"]),
            lgb.log_evaluation(100),
        ],
    )

    preds = booster.predict(test_df[feats], num_iteration=booster.best_iteration)
    metrics = {
        "best_iteration": booster.best_iteration,
        "test_auc": roc_auc_score(test_df[label], preds),
        "test_logloss": log_loss(test_df[label], preds),
        "test_ctr": float(test_df[label].mean()),
        "mean_pred": float(preds.mean()),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["train"]["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out / "model.txt"), num_iteration=booster.best_iteration)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
