"""Intent classifier on frozen embeddings.

PYTHONPATH=src python -m intent.train --config config.yaml
"""
import argparse
import logging
import os
import random

import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from intent.embed import embed_texts

log = logging.getLogger("intent")


def scores(y_true, proba, classes):
    pred = classes[proba.argmax(1)]
    return {
        "accuracy": accuracy_score(y_true, pred),
        "macro_f1": f1_score(y_true, pred, average="macro"),
        "top3_accuracy": top_k_accuracy_score(y_true, proba, k=3, labels=classes),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    use_wandb = cfg["wandb"]["enabled"] and bool(os.environ.get("WANDB_API_KEY"))
    run = wandb.init(project=cfg["wandb"]["project"], config=cfg, mode="online" if use_wandb else "disabled")

    train_df = pd.read_csv(cfg["data"]["train"])
    test_df = pd.read_csv(cfg["data"]["test"])
    enc = cfg["encoder"]
    # frozen, pretrained encoder: nothing is estimated from our data, so embedding both files up front is safe
    train_emb = embed_texts(train_df["text"], enc["name"], enc["revision"], enc["batch_size"], cfg["cache_dir"])
    test_emb = embed_texts(test_df["text"], enc["name"], enc["revision"], enc["batch_size"], cfg["cache_dir"])

    idx_fit, idx_val = train_test_split(
        np.arange(len(train_df)), test_size=cfg["data"]["val_size"],
        stratify=train_df["intent"], random_state=cfg["seed"],
    )
    y_fit, y_val = train_df["intent"].to_numpy()[idx_fit], train_df["intent"].to_numpy()[idx_val]

    best_C, best_f1 = None, -1.0
    for C in cfg["classifier"]["C_grid"]:
        clf = LogisticRegression(C=C, max_iter=4000).fit(train_emb[idx_fit], y_fit)
        f1 = f1_score(y_val, clf.predict(train_emb[idx_val]), average="macro")
        log.info("C=%.2f val macro-F1=%.4f", C, f1)
        run.log({"C": C, "val_macro_f1": f1})
        if f1 > best_f1:
            best_C, best_f1 = C, f1

    final = LogisticRegression(C=best_C, max_iter=4000).fit(train_emb, train_df["intent"])
    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          LogisticRegression(C=4.0, max_iter=4000)).fit(train_df["text"], train_df["intent"])
    majority = DummyClassifier(strategy="most_frequent").fit(train_emb, train_df["intent"])

    y_test = test_df["intent"].to_numpy()
    results = {
        "embed_logreg": scores(y_test, final.predict_proba(test_emb), final.classes_),
        "tfidf_logreg": scores(y_test, tfidf.predict_proba(test_df["text"]), tfidf.classes_),
        "majority": scores(y_test, majority.predict_proba(test_emb), majority.classes_),
    }
    log.info("best C=%s  test=%s", best_C, results)
    run.summary.update({f"test/{m}/{k}": v for m, d in results.items() for k, v in d.items()})
    run.finish()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
