"""Evaluate the fake-posting model on a held-out split, then fit the release model.

python train.py --config config.toml
"""
import argparse
import json
import tomllib
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import train_test_split

from fraudjobs.metrics import score_probabilities
from fraudjobs.pipeline import CAT_COLS, add_document, build_pipeline


def main(cfg: dict) -> None:
    postings = add_document(pd.read_csv(cfg["data"]["path"]))
    postings = postings.drop_duplicates(subset=["document"]).reset_index(drop=True)
    y = postings["fraudulent"].astype(int)
    X = postings[["document", *CAT_COLS]]
    print(f"{len(postings)} postings, fraudulent share {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["model"]["seed"]
    )
    candidate = build_pipeline(cfg["model"]).fit(X_train, y_train)
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)

    report = {
        "model": score_probabilities(y_test, candidate.predict_proba(X_test)[:, 1]),
        "prior_baseline": score_probabilities(y_test, prior.predict_proba(X_test)[:, 1]),
        "n_train": int(len(y_train)),
        "n_test": int(len(y_test)),
    }
    print(json.dumps(report, indent=2))

    out = Path(cfg["output"]["dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "holdout_report.json").write_text(json.dumps(report, indent=2))

    if report["model"]["pr_auc"] < cfg["output"]["min_pr_auc"]:
        raise SystemExit("held-out PR AUC below release bar; not publishing a model")

    release = build_pipeline(cfg["model"]).fit(X, y)
    joblib.dump(release, out / "fake_posting_detector.joblib")
    print(f"release model fitted on all {len(y)} postings -> {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.toml")
    with open(parser.parse_args().config, "rb") as fh:
        main(tomllib.load(fh))
