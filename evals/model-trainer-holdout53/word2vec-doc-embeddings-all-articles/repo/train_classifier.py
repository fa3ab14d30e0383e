"""Fake-news article classifier: Word2Vec document vectors + XGBoost."""
import json
import random

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from fakenews.embeddings import mean_pool, train_word2vec
from fakenews.text import tokenize


def report(name, y_true, proba):
    pred = (proba >= 0.5).astype(int)
    print(f"{name:>10}  auc={roc_auc_score(y_true, proba):.4f}  "
          f"ap={average_precision_score(y_true, proba):.4f}  f1={f1_score(y_true, pred):.4f}")


def main():
    with open("params.json") as fh:
        params = json.load(fh)
    seed = params["seed"]
    random.seed(seed)
    np.random.seed(seed)

    df = pd.read_csv(params["data_path"])
    df = df.dropna(subset=["title", "text", "is_fake"])
    df["tokens"] = (df["title"] + " . " + df["text"]).map(tokenize)
    df = df[df["tokens"].str.len() >= 20].reset_index(drop=True)

    wv = train_word2vec(df["tokens"].tolist(), params["w2v"], seed)
    X = mean_pool(wv, df["tokens"].tolist())
    y = df["is_fake"].astype(int).values

    sp = params["split"]
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        X, y, test_size=sp["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=sp["val_size"], stratify=y_tmp, random_state=seed)

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    report("prior", y_test, baseline.predict_proba(X_test)[:, 1])

    xgb_params = dict(params["xgb"])
    model = XGBClassifier(**xgb_params, eval_metric="logloss", random_state=seed, n_jobs=4)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=100)
    print("best iteration:", model.best_iteration)

    report("xgb", y_test, model.predict_proba(X_test)[:, 1])
    model.save_model("artifacts/xgb_w2v.json")
    wv.save("artifacts/w2v.kv")


if __name__ == "__main__":
    main()
