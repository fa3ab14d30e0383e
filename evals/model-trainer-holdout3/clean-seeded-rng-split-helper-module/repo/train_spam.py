import argparse

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

from spamfilter.config import Config
from spamfilter.utils import seed_everything, stratified_permutation_split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=Config.seed)
    cfg = Config(seed=ap.parse_args().seed)
    rng = seed_everything(cfg.seed)

    df = pd.read_csv(cfg.data)
    tr, te = stratified_permutation_split(df["spam"], cfg.test_frac, rng)
    train, test = df.iloc[tr], df.iloc[te]

    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          SGDClassifier(loss="log_loss", alpha=cfg.alpha, max_iter=50, random_state=cfg.seed))
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg.seed)
    print("CV PR AUC", cross_val_score(model, train["text"], train["spam"], cv=cv, scoring="average_precision").mean())

    model.fit(train["text"], train["spam"])
    baseline = DummyClassifier(strategy="prior").fit(train[["text"]], train["spam"])
    p = model.predict_proba(test["text"])[:, 1]
    print("baseline PR AUC", average_precision_score(test["spam"], baseline.predict_proba(test[["text"]])[:, 1]))
    print("test PR AUC", average_precision_score(test["spam"], p), "test ROC AUC", roc_auc_score(test["spam"], p))
    print("spam share in test", np.mean(test["spam"]))


if __name__ == "__main__":
    main()
