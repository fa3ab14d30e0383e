import argparse
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

from features import build_features


def parse_args():
    ap = argparse.ArgumentParser(description="Train next-hour drop spike classifier")
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts")
    return ap.parse_args()


def main():
    args = parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    raw = pd.read_parquet(cfg["data"]["path"])
    raw["timestamp"] = pd.to_datetime(raw["timestamp"])
    print(f"{len(raw):,} cell-hours, {raw['cell_id'].nunique()} cells")

    df, scaler = build_features(raw, cfg)
    feats = cfg["features"]["numeric"] + cfg["features"]["calendar"]
    label = cfg["features"]["label"]

    train = df[df["timestamp"] <= cfg["data"]["train_end"]]
    test = df[df["timestamp"] >= cfg["data"]["test_start"]]
    print(f"train {len(train):,} rows  pos rate {train[label].mean():.4f}")
    print(f"test  {len(test):,} rows  pos rate {test[label].mean():.4f}")

    mcfg = cfg["model"]
    clf = LogisticRegression(
        C=mcfg["C"],
        max_iter=mcfg["max_iter"],
        class_weight="balanced",
        random_state=mcfg["random_state"],
    )
    clf.fit(train[feats], train[label])

    proba = clf.predict_proba(test[feats])[:, 1]
    print(f"test ROC-AUC: {roc_auc_score(test[label], proba):.4f}")
    print(f"test PR-AUC:  {average_precision_score(test[label], proba):.4f}")
    print(classification_report(test[label], (proba >= 0.5).astype(int), digits=3))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "scaler": scaler, "features": feats}, out / "drop_spike_lr.joblib")


if __name__ == "__main__":
    main()
