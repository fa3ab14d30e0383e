"""Train the transaction categoriser: char n-gram TF-IDF + a few amount features.

Evaluation holds out whole customers so that a customer's recurring merchants
never sit on both sides of the split.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from text_utils import normalise_description

SEED = 13


def amount_features(df: pd.DataFrame) -> csr_matrix:
    amt = df["amount"].abs()
    feats = np.column_stack([
        np.log1p(amt),
        (df["amount"] > 0).astype(float),   # credits
        (amt % 1 == 0).astype(float),       # round amounts: transfers, ATM
    ])
    return csr_matrix(feats)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/labelled_transactions.csv")
    p.add_argument("--out", default="artifacts/categoriser_v3")
    p.add_argument("--C", type=float, default=4.0)
    return p.parse_args()


def main(args):
    df = pd.read_csv(args.data, parse_dates=["posted_date"])
    df = df.dropna(subset=["description", "category"]).reset_index(drop=True)
    df["desc_clean"] = df["description"].map(normalise_description)
    df = df[df["desc_clean"].str.len() > 0].reset_index(drop=True)
    print(f"{len(df):,} txns | {df.customer_id.nunique():,} customers | "
          f"{df.category.nunique()} categories")

    vectoriser = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=3,
        max_features=200_000,
        sublinear_tf=True,
        dtype=np.float32,
    )
    X_text = vectoriser.fit_transform(df["desc_clean"])
    X = hstack([X_text, amount_features(df)]).tocsr()
    y = df["category"].to_numpy()

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(gss.split(X, y, groups=df["customer_id"]))
    print(f"train rows {len(train_idx):,}  test rows {len(test_idx):,}")

    clf = LogisticRegression(
        C=args.C,
        max_iter=3000,
        class_weight="balanced",
        random_state=SEED,
    )
    clf.fit(X[train_idx], y[train_idx])

    pred = clf.predict(X[test_idx])
    macro_f1 = f1_score(y[test_idx], pred, average="macro")
    print(classification_report(y[test_idx], pred, digits=3))
    print(f"macro F1 on held-out customers: {macro_f1:.4f}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"vectoriser": vectoriser, "clf": clf}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps({
        "macro_f1": round(float(macro_f1), 4),
        "n_train": int(len(train_idx)),
        "n_test": int(len(test_idx)),
        "C": args.C,
    }, indent=2))


if __name__ == "__main__":
    main(parse_args())
