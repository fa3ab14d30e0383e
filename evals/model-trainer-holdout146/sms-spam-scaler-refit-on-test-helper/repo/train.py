"""Train the SMS spam model: TF-IDF + surface features -> linear SVM.

usage: python train.py --data data/SMSSpamCollection --out artifacts/
"""
import argparse
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

from features import build

TFIDF = dict(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)


def read_collection(path: str) -> pd.DataFrame:
    # tab separated: label \t message
    df = pd.read_csv(path, sep="\t", header=None, names=["label", "message"], quoting=3)
    df["label"] = df["label"].map({"ham": 0, "spam": 1})
    return df.drop_duplicates("message").reset_index(drop=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/SMSSpamCollection")
    ap.add_argument("--out", default="artifacts")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    df = read_collection(args.data)
    tr, te = train_test_split(df, test_size=0.25, stratify=df["label"], random_state=args.seed)

    X_tr, X_te, prep = build(tr["message"], te["message"], TFIDF)
    print("train", X_tr.shape, "test", X_te.shape)

    svm = LinearSVC(C=args.C, class_weight="balanced", random_state=args.seed, max_iter=5000)
    svm.fit(X_tr, tr["label"])

    pred = svm.predict(X_te)
    print(classification_report(te["label"], pred, target_names=["ham", "spam"], digits=4))
    print(confusion_matrix(te["label"], pred))
    print("spam F1:", round(f1_score(te["label"], pred), 4))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({**prep, "model": svm}, out / "sms_svm.joblib")


if __name__ == "__main__":
    main()
