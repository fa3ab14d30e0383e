"""Out-of-time churn model: train on 2023 snapshots, validate and test on later cut-offs."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from churnfeat.snapshot import build_snapshot

FEATURES = ["plan", "region", "monthly_fee", "n_events_total", "n_events_30d", "n_sessions_30d",
            "n_payments_failed", "days_since_last_event", "tenure_days", "events_30d_share"]
CATEGORICAL = ["plan", "region"]


def lift_at(y, p, frac=0.1):
    k = max(int(len(p) * frac), 1)
    top = np.argsort(-p)[:k]
    return float(np.asarray(y)[top].mean() / np.mean(y))


def prepare(df, levels):
    df = df.copy()
    for c in CATEGORICAL:
        df[c] = pd.Categorical(df[c], categories=levels[c])
    return df


def main(cfg):
    events = pd.read_parquet(cfg["events_path"])
    customers = pd.read_parquet(cfg["customers_path"])
    h = cfg["horizon_days"]

    train = pd.concat([build_snapshot(events, customers, c, h) for c in cfg["train_cutoffs"]], ignore_index=True)
    valid = build_snapshot(events, customers, cfg["valid_cutoff"], h)
    test = build_snapshot(events, customers, cfg["test_cutoff"], h)
    levels = {c: sorted(train[c].dropna().unique()) for c in CATEGORICAL}
    train, valid, test = (prepare(d, levels) for d in (train, valid, test))
    for name, d in [("train", train), ("valid", valid), ("test", test)]:
        print(f"{name}: {len(d)} rows, churn {d['churned'].mean():.3%}")

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        train[FEATURES], train["churned"],
        eval_set=[(valid[FEATURES], valid["churned"])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(150, verbose=False)],
    )

    num = [f for f in FEATURES if f not in CATEGORICAL]
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(train[num], train["churned"])

    y = test["churned"].to_numpy()
    scores = {
        "lightgbm": model.predict_proba(test[FEATURES])[:, 1],
        "logreg": logreg.predict_proba(test[num])[:, 1],
        "recency_rule": test["days_since_last_event"].to_numpy(dtype=float),
    }
    report = {name: {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
                     "lift@10%": lift_at(y, p)} for name, p in scores.items()}
    report["best_iteration"] = int(model.best_iteration_)
    print(json.dumps(report, indent=2))
    model.booster_.save_model(cfg["model_out"])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
