"""Compare classical classifiers on the internal forum-post topic corpus.

Corpus layout: corpus/<topic>/<post_id>.txt
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.naive_bayes import ComplementNB, MultinomialNB
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

SEED = 5


def read_corpus(root: Path) -> pd.DataFrame:
    rows = []
    for topic_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in topic_dir.glob("*.txt"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            header, _, body = text.partition("\n\n")
            rows.append({"post_id": f.stem, "topic": topic_dir.name, "text": body.strip()})
    return pd.DataFrame(rows)


def main(args):
    posts = read_corpus(Path(args.corpus))
    posts = posts[posts["text"].str.len() > 50].drop_duplicates("text").reset_index(drop=True)
    print(posts["topic"].value_counts())

    counts = CountVectorizer(lowercase=True, stop_words="english", min_df=2,
                             ngram_range=(1, 2)).fit_transform(posts["text"])
    y = posts["topic"].to_numpy()
    selector = SelectKBest(chi2, k=args.k)
    X = selector.fit_transform(counts, y)
    print(f"vocabulary {counts.shape[1]:,} -> {X.shape[1]:,} selected n-grams")

    models = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "multinomial_nb": MultinomialNB(alpha=0.05),
        "complement_nb": ComplementNB(alpha=0.3),
        "logreg": make_pipeline(TfidfTransformer(sublinear_tf=True),
                                LogisticRegression(C=10, max_iter=3000)),
        "linear_svc": make_pipeline(TfidfTransformer(sublinear_tf=True),
                                    LinearSVC(C=0.5, random_state=SEED)),
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    rows = []
    for name, model in models.items():
        scores = cross_validate(model, X, y, cv=cv, scoring=["accuracy", "f1_macro"], n_jobs=-1)
        rows.append({
            "model": name,
            "accuracy": np.mean(scores["test_accuracy"]),
            "macro_f1": np.mean(scores["test_f1_macro"]),
            "macro_f1_std": np.std(scores["test_f1_macro"]),
        })
    table = pd.DataFrame(rows).sort_values("macro_f1", ascending=False)
    print(table.to_string(index=False, float_format="%.4f"))
    table.to_csv(args.out, index=False)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--k", type=int, default=20_000)
    p.add_argument("--out", default="model_comparison.csv")
    main(p.parse_args())
