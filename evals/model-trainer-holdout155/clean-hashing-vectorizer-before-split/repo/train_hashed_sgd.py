"""Memory-light categoriser for the nightly job: hashed char n-grams + SGD.

HashingVectorizer has no vocabulary, so the same transform is used for
training, evaluation and the nightly scoring service without shipping a vocab.
"""
import argparse
import pickle

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 77

HASHER = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(2, 5),
    n_features=2 ** 21,
    alternate_sign=False,
    norm=None,
    lowercase=True,
)


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/txn_2023_2024.parquet")
    ap.add_argument("--alpha", type=float, default=1e-6)
    ap.add_argument("--epochs", type=int, default=20)
    return ap.parse_args()


def main():
    args = parse()
    df = pd.read_parquet(args.data, columns=["customer_id", "description", "amount", "category"])
    df = df.dropna(subset=["description", "category"]).reset_index(drop=True)

    desc = df["description"].str.replace(r"\d{3,}", " ", regex=True)
    X_hash = HASHER.transform(desc)
    log_amt = np.log1p(df["amount"].abs().to_numpy())[:, None]
    credit = (df["amount"] > 0).to_numpy(dtype=float)[:, None]
    y = df["category"].to_numpy()

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, te = next(gss.split(df, groups=df["customer_id"]))

    tfidf = TfidfTransformer(sublinear_tf=True).fit(X_hash[tr])
    amt_scale = log_amt[tr].max()

    def assemble(idx):
        return sparse.hstack([tfidf.transform(X_hash[idx]), log_amt[idx] / amt_scale, credit[idx]]).tocsr()

    X_tr, X_te = assemble(tr), assemble(te)

    clf = SGDClassifier(
        loss="log_loss",
        alpha=args.alpha,
        max_iter=args.epochs,
        tol=None,
        class_weight="balanced",
        random_state=SEED,
    )
    clf.fit(X_tr, y[tr])

    pred = clf.predict(X_te)
    print(classification_report(y[te], pred, digits=3, zero_division=0))
    print(f"macro F1 on held-out customers: {f1_score(y[te], pred, average='macro'):.4f}")

    with open("artifacts/hashed_sgd.pkl", "wb") as fh:
        pickle.dump({"tfidf": tfidf, "amt_scale": amt_scale, "clf": clf}, fh)


if __name__ == "__main__":
    main()
