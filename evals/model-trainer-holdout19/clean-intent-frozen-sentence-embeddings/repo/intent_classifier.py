"""Customer-chat intent classification on frozen sentence embeddings.

The encoder is a pretrained, frozen model: encoding every utterance up front is a per-row,
parameter-free transform (nothing is learned from this dataset), so doing it before the split is safe.
"""
import argparse
import logging
import os
import random

import numpy as np
import pandas as pd
import torch
from sentence_transformers import SentenceTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

log = logging.getLogger("intent")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def embed(texts, model_name, cache_path):
    if os.path.exists(cache_path):
        return np.load(cache_path)
    encoder = SentenceTransformer(model_name, device="cuda" if torch.cuda.is_available() else "cpu")
    vectors = encoder.encode(list(texts), batch_size=128, normalize_embeddings=True, show_progress_bar=True)
    np.save(cache_path, vectors)
    return vectors


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/chat_intents.csv")
    p.add_argument("--encoder", default="sentence-transformers/all-MiniLM-L6-v2")
    p.add_argument("--cache", default="cache/minilm_embeddings.npy")
    p.add_argument("--seed", type=int, default=77)
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    utter = pd.read_csv(args.data).drop_duplicates("text").reset_index(drop=True)
    vectors = embed(utter["text"], args.encoder, args.cache)
    labels = utter["intent"].to_numpy()
    idx = np.arange(len(utter))

    idx_tr, idx_te = train_test_split(idx, test_size=0.2, stratify=labels, random_state=args.seed)

    head = LogisticRegressionCV(Cs=np.logspace(-2, 2, 9), cv=5, scoring="f1_macro", max_iter=5000)
    head.fit(vectors[idx_tr], labels[idx_tr])
    log.info("chosen C=%s", head.C_[0])

    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          LogisticRegression(C=5.0, max_iter=5000))
    tfidf.fit(utter["text"].iloc[idx_tr], labels[idx_tr])
    majority = DummyClassifier(strategy="most_frequent").fit(vectors[idx_tr], labels[idx_tr])

    y_true = labels[idx_te]
    preds = {
        "majority": majority.predict(vectors[idx_te]),
        "tfidf_lr": tfidf.predict(utter["text"].iloc[idx_te]),
        "minilm_lr": head.predict(vectors[idx_te]),
    }
    for name, pred in preds.items():
        log.info("%-10s acc=%.3f macro-F1=%.3f weighted-F1=%.3f", name, accuracy_score(y_true, pred),
                 f1_score(y_true, pred, average="macro"), f1_score(y_true, pred, average="weighted"))
    print(classification_report(y_true, preds["minilm_lr"], digits=3))


if __name__ == "__main__":
    main()
