"""Urgent-post detector for MOOC discussion forums (Stanford MOOCPosts).

Posts rated >= 4 on the 1-7 urgency scale are routed to the instructor queue.
"""
import argparse
import re

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

URL_RE = re.compile(r"https?://\S+")
SEED = 1234


def clean_text(s):
    s = URL_RE.sub(" URL ", str(s))
    s = re.sub(r"\s+", " ", s)
    return s.strip().lower()


def meta_features(posts):
    text = posts["Text"].astype(str)
    return np.column_stack([
        np.log1p(text.str.len()),
        text.str.count(r"\?"),
        text.str.count(r"!"),
        (posts["post_type"] == "CommentThread").astype(int),
    ])


def vectorize_posts(posts, max_features=30000):
    word_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9,
                               max_features=max_features, sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5,
                               max_features=max_features, sublinear_tf=True)
    words = word_vec.fit_transform(posts["clean"])
    chars = char_vec.fit_transform(posts["clean"])
    meta = csr_matrix(meta_features(posts))
    return hstack([words, chars, meta]).tocsr()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", default="data/stanfordMOOCForumPostsSet.csv")
    ap.add_argument("--C", type=float, default=4.0)
    args = ap.parse_args()

    posts = pd.read_csv(args.posts)
    posts = posts.dropna(subset=["Text", "Urgency(1-7)"]).drop_duplicates(subset="Text")
    posts["clean"] = posts["Text"].map(clean_text)
    posts["urgent"] = (posts["Urgency(1-7)"] >= 4).astype(int)
    print(posts.groupby("CourseType")["urgent"].agg(["mean", "size"]))

    X = vectorize_posts(posts)
    y = posts["urgent"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=3000, random_state=SEED)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    print(f"ROC-AUC {roc_auc_score(y_test, proba):.3f}   PR-AUC {average_precision_score(y_test, proba):.3f}")


if __name__ == "__main__":
    main()
