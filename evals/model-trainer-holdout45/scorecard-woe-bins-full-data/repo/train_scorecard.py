"""Build the application PD scorecard (WOE + logistic regression)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

from scorecard import WoEBinner, to_points


def ks_statistic(y_true, score):
    fpr, tpr, _ = roc_curve(y_true, score)
    return float(np.max(tpr - fpr))


def main(config_path):
    cfg = yaml.safe_load(open(config_path))
    np.random.seed(cfg["model"]["seed"])

    df = pd.read_parquet(cfg["data"]["path"])
    target = cfg["data"]["target"]
    num_cols = cfg["features"]["numeric"]
    cat_cols = cfg["features"]["categorical"]
    features = num_cols + cat_cols
    print(f"{len(df):,} applications, bad rate {df[target].mean():.2%}")

    binner = WoEBinner(
        max_bins=cfg["binning"]["max_bins"],
        min_bin_share=cfg["binning"]["min_bin_share"],
    )
    woe = binner.fit_transform(df[features], df[target], categorical=cat_cols)

    iv = binner.information_values()
    print("Information value by feature:\n", iv.round(3).to_string())
    selected = iv[iv >= cfg["binning"]["iv_threshold"]].index.tolist()
    print(f"Keeping {len(selected)}/{len(features)} features")

    X_train, X_test, y_train, y_test = train_test_split(
        woe[selected],
        df[target],
        test_size=cfg["model"]["test_size"],
        stratify=df[target],
        random_state=cfg["model"]["seed"],
    )

    model = LogisticRegression(C=cfg["model"]["C"], max_iter=1000)
    model.fit(X_train, y_train)

    p_test = model.predict_proba(X_test)[:, 1]
    auc = roc_auc_score(y_test, p_test)
    report = {
        "auc": auc,
        "gini": 2 * auc - 1,
        "ks": ks_statistic(y_test, p_test),
        "brier": brier_score_loss(y_test, p_test),
        "n_features": len(selected),
    }
    print(json.dumps(report, indent=2))

    points = to_points(model, selected, binner.tables_, **cfg["scaling"])
    out_dir = Path("artifacts")
    out_dir.mkdir(exist_ok=True)
    points.to_csv(out_dir / "scorecard_points.csv", index=False)
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
