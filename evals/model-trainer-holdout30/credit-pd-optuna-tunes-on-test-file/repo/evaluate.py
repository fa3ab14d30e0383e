"""Held-out report for the PD model versus a logistic scorecard baseline.

    python evaluate.py --config configs/pd.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import yaml
from scipy.stats import ks_2samp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from credit_pd.data import load_split
from credit_pd.pipeline import build_preprocessor


def scores(y, p) -> dict:
    return {
        "auroc": roc_auc_score(y, p),
        "avg_precision": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
        "ks": ks_2samp(p[y == 1], p[y == 0]).statistic,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/pd.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    x_tr, y_tr = load_split(cfg["paths"]["train"])
    x_te, y_te = load_split(cfg["paths"]["test"])

    scorecard = Pipeline([
        ("prep", build_preprocessor()),
        ("scale", StandardScaler(with_mean=False)),
        ("lr", LogisticRegression(C=0.5, max_iter=5000, random_state=cfg["seed"])),
    ]).fit(x_tr, y_tr)
    model = joblib.load(cfg["paths"]["model"])

    report = {
        "lgbm": scores(y_te.to_numpy(), model.predict_proba(x_te)[:, 1]),
        "logistic_baseline": scores(y_te.to_numpy(), scorecard.predict_proba(x_te)[:, 1]),
    }
    Path(cfg["paths"]["report"]).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
