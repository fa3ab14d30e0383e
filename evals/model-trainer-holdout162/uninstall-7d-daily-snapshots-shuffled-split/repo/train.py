import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from data import add_features, load_snapshots, split_frame

DERIVED = ["push_open_rate_7d", "sessions_trend", "minutes_per_session_7d", "dow"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    df = add_features(load_snapshots(cfg))
    label = cfg["data"]["label"]
    num_cols = cfg["features"]["numeric"] + DERIVED
    cat_cols = cfg["features"]["categorical"]
    for c in cat_cols:
        df[c] = df[c].astype("category")
    print(f"{len(df):,} user-days, {df[cfg['data']['user_col']].nunique():,} users, "
          f"uninstall rate {df[label].mean():.3%}")

    train, test = split_frame(df, cfg)
    X_train, y_train = train[num_cols + cat_cols], train[label]
    X_test, y_test = test[num_cols + cat_cols], test[label]

    neg, pos = (y_train == 0).sum(), (y_train == 1).sum()
    model = XGBClassifier(
        **cfg["model"],
        scale_pos_weight=neg / pos,
        tree_method="hist",
        enable_categorical=True,
        eval_metric="aucpr",
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "test_roc_auc": roc_auc_score(y_test, proba),
        "test_pr_auc": average_precision_score(y_test, proba),
        "n_train": int(len(train)),
        "n_test": int(len(test)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
