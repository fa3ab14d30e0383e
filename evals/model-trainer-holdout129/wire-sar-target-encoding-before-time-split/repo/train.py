import argparse
import json

import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from features import add_amount_features, add_geo_features, encode_categories


def recall_at_alert_budget(y_true, scores, budget=0.01):
    """Share of SARs captured if investigators review the top `budget` fraction of wires."""
    k = max(1, int(len(scores) * budget))
    top = pd.Series(scores).rank(ascending=False, method="first") <= k
    return float(y_true[top.values].sum() / max(1, y_true.sum()))


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)

    df = pd.read_parquet(cfg["data"]["path"])
    df[cfg["data"]["date_col"]] = pd.to_datetime(df[cfg["data"]["date_col"]])
    df = df.sort_values(cfg["data"]["date_col"]).reset_index(drop=True)

    target = cfg["data"]["target"]
    df = add_amount_features(df)
    df = add_geo_features(df)
    df = encode_categories(df, cfg["features"]["te_cols"], target=target)

    feats = cfg["features"]["numeric"] + [f"{c}_te" for c in cfg["features"]["te_cols"]]

    cutoff = pd.Timestamp(cfg["split"]["test_start"])
    train = df[df[cfg["data"]["date_col"]] < cutoff]
    test = df[df[cfg["data"]["date_col"]] >= cutoff]
    print(f"train {len(train):,} wires ({train[target].mean():.4%} SAR) | test {len(test):,} wires")

    pos_weight = (train[target] == 0).sum() / max(1, (train[target] == 1).sum())
    model = XGBClassifier(
        **cfg["model"],
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        tree_method="hist",
        random_state=cfg["seed"],
    )
    model.fit(train[feats], train[target])

    p = model.predict_proba(test[feats])[:, 1]
    y = test[target].values
    metrics = {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "recall_at_1pct": recall_at_alert_budget(y, p, 0.01),
    }
    print(json.dumps(metrics, indent=2))
    model.save_model("wire_sar_xgb.json")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
