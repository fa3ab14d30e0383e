"""Route consumer complaints to a product queue.

Minority products are boosted with EDA paraphrases so the classifier sees enough of them.
"""
import json
import logging

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from src.augment import eda

logging.basicConfig(level=logging.INFO)
log = logging.getLogger(__name__)


def boost_minorities(df, text_col, label_col, min_size, n_aug, alpha, seed):
    counts = df[label_col].value_counts()
    extra = []
    for label, cnt in counts.items():
        if cnt >= min_size:
            continue
        subset = df[df[label_col] == label]
        for i, text in enumerate(subset[text_col]):
            for aug in eda(text, alpha=alpha, n_aug=n_aug, seed=seed + i):
                extra.append({text_col: aug, label_col: label})
    log.info("generated %d augmented complaints", len(extra))
    return pd.concat([df, pd.DataFrame(extra)], ignore_index=True)


def main(cfg_path="config.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    tcol, lcol = cfg["text_col"], cfg["label_col"]

    df = pd.read_csv(cfg["data_path"], usecols=[tcol, lcol]).dropna()
    df[tcol] = df[tcol].str.replace(r"X{2,}", " ", regex=True).str.lower()
    log.info("class counts before boosting:\n%s", df[lcol].value_counts())

    df = boost_minorities(df, tcol, lcol, cfg["min_class_size"], cfg["aug_per_sentence"],
                          cfg["alpha_sr"], cfg["seed"])

    train_df, test_df = train_test_split(df, test_size=cfg["test_size"], stratify=df[lcol],
                                         random_state=cfg["seed"])

    baseline = DummyClassifier(strategy="most_frequent").fit(train_df[tcol], train_df[lcol])
    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LinearSVC(C=0.5, class_weight="balanced", random_state=cfg["seed"]),
    )
    clf.fit(train_df[tcol], train_df[lcol])

    pred = clf.predict(test_df[tcol])
    scores = {
        "baseline_macro_f1": f1_score(test_df[lcol], baseline.predict(test_df[tcol]), average="macro"),
        "macro_f1": f1_score(test_df[lcol], pred, average="macro"),
        "weighted_f1": f1_score(test_df[lcol], pred, average="weighted"),
    }
    print(classification_report(test_df[lcol], pred, digits=3))
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
