"""CPC section (A-H) from full claim text, 2M+ publications.

TF-IDF vocabularies don't fit in memory at this size, so claims are hashed and a linear
model is trained with SGD. One publication per DOCDB family is kept so that equivalents don't end up
on both sides of the split.
"""
import argparse
import time

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/claims_cpc_sections.parquet")
p.add_argument("--n-features", type=int, default=2 ** 22)
p.add_argument("--alpha", type=float, default=2e-6)
p.add_argument("--seed", type=int, default=21)
args = p.parse_args()

t0 = time.time()
df = pd.read_parquet(args.data, columns=["publication_number", "docdb_family_id", "claims", "cpc_section"])
df = df.dropna(subset=["claims", "cpc_section"])
df = df.sort_values("publication_number").drop_duplicates("docdb_family_id", keep="first")
df = df[df["cpc_section"].isin(list("ABCDEFGH"))].reset_index(drop=True)
print(f"{len(df):,} families after dedup ({time.time() - t0:.0f}s)")

hasher = HashingVectorizer(
    n_features=args.n_features,
    ngram_range=(1, 2),
    alternate_sign=False,
    norm="l2",
    stop_words="english",
    dtype=np.float32,
)
X = hasher.transform(df["claims"].str.lower())
y = df["cpc_section"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.1, stratify=y, random_state=args.seed
)

classes = np.array(list("ABCDEFGH"))
cw = dict(zip(classes, compute_class_weight("balanced", classes=classes, y=y_train)))
clf = SGDClassifier(
    loss="modified_huber",
    alpha=args.alpha,
    penalty="l2",
    max_iter=15,
    tol=None,
    class_weight=cw,
    random_state=args.seed,
    n_jobs=-1,
)
clf.fit(X_train, y_train)
print(f"trained in {time.time() - t0:.0f}s")

pred = clf.predict(X_test)
print(classification_report(y_test, pred, digits=3))
print(f"macro-F1 {f1_score(y_test, pred, average='macro'):.4f}  "
      f"micro-F1 {f1_score(y_test, pred, average='micro'):.4f}")
joblib.dump({"hasher": hasher, "clf": clf}, "models/cpc_section_sgd.joblib")
