"""Train a home/draw/away classifier on Premier League fixtures."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from epl_model.features import build_feature_table

FEATURES = [
    "home_elo", "away_elo", "elo_diff",
    "home_gf_form", "home_ga_form", "home_points_form", "home_days_rest",
    "away_gf_form", "away_ga_form", "away_points_form", "away_days_rest",
    "form_diff",
]


def load_config(path: str = "config.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def evaluate(name: str, model, X, y) -> dict:
    proba = model.predict_proba(X)
    pred = proba.argmax(axis=1)
    scores = {
        "log_loss": log_loss(y, proba, labels=[0, 1, 2]),
        "accuracy": accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro"),
    }
    print(f"{name:>10}: " + "  ".join(f"{k}={v:.4f}" for k, v in scores.items()))
    return scores


def main() -> None:
    cfg = load_config()
    matches = pd.read_csv(cfg["data"]["matches_csv"], parse_dates=["date"])
    matches = matches[matches["season"] >= cfg["data"]["min_season"]]

    feats = cfg["features"]
    df = build_feature_table(
        matches, window=feats["form_window"], k=feats["elo_k"], home_adv=feats["elo_home_advantage"]
    )
    df = df.dropna(subset=FEATURES + ["label"])
    print(f"{len(df)} fixtures from {df.date.min():%Y-%m-%d} to {df.date.max():%Y-%m-%d}")

    X, y = df[FEATURES], df["label"].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y,
        test_size=cfg["split"]["test_size"],
        random_state=cfg["split"]["random_state"],
        stratify=y,
    )

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.5))
    logreg.fit(X_train, y_train)

    m = cfg["model"]
    gbm = GradientBoostingClassifier(
        n_estimators=m["n_estimators"],
        learning_rate=m["learning_rate"],
        max_depth=m["max_depth"],
        subsample=m["subsample"],
        random_state=cfg["split"]["random_state"],
    )
    gbm.fit(X_train, y_train)

    results = {
        "prior": evaluate("prior", baseline, X_test, y_test),
        "logreg": evaluate("logreg", logreg, X_test, y_test),
        "gbm": evaluate("gbm", gbm, X_test, y_test),
    }

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(gbm, out / "gbm_match_outcome.joblib")
    with open(out / "metrics.json", "w") as fh:
        json.dump(results, fh, indent=2, default=float)
    print("feature importances:", dict(zip(FEATURES, np.round(gbm.feature_importances_, 3))))


if __name__ == "__main__":
    main()
