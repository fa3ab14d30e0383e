import argparse

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.preprocessing import LabelEncoder

from splits import holdout_by_sender, sender_folds


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/corp_mail_labeled.parquet")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--alpha", type=float, nargs="+", default=[1e-6, 1e-5, 1e-4])
    return ap.parse_args()


def main():
    args = parse()
    df = pd.read_parquet(args.data)  # sender, subject, body, verdict in {"ham", "spam"}
    df["sender"] = df["sender"].str.lower()
    groups = df["sender"].values

    le = LabelEncoder()
    y = le.fit_transform(df["verdict"])  # ham -> 0, spam -> 1

    subj_hv = HashingVectorizer(n_features=2**18, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    body_hv = HashingVectorizer(n_features=2**20, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    X = hstack([subj_hv.transform(df["subject"].fillna("")), body_hv.transform(df["body"].fillna(""))]).tocsr()

    tr, te = holdout_by_sender(groups, test_size=0.2, seed=args.seed)
    X_tr, y_tr, g_tr = X[tr], y[tr], groups[tr]
    print(f"train {len(tr)} msgs / {len(set(g_tr))} senders, test {len(te)} msgs / {len(set(groups[te]))} senders")

    cv_scores = {}
    for alpha in args.alpha:
        fold_ap = []
        for f_tr, f_va in sender_folds(y_tr, g_tr, n_splits=5, seed=args.seed):
            clf = SGDClassifier(loss="modified_huber", alpha=alpha, class_weight="balanced", random_state=args.seed)
            clf.fit(X_tr[f_tr], y_tr[f_tr])
            fold_ap.append(average_precision_score(y_tr[f_va], clf.decision_function(X_tr[f_va])))
        cv_scores[alpha] = np.mean(fold_ap)
        print(f"alpha={alpha:g}  sender-grouped CV AP={cv_scores[alpha]:.4f}")

    alpha = max(cv_scores, key=cv_scores.get)
    clf = SGDClassifier(loss="modified_huber", alpha=alpha, class_weight="balanced", random_state=args.seed)
    clf.fit(X_tr, y_tr)

    s = clf.decision_function(X[te])
    print(f"test AP={average_precision_score(y[te], s):.4f}  ROC AUC={roc_auc_score(y[te], s):.4f}")
    print(classification_report(y[te], clf.predict(X[te]), target_names=le.classes_, digits=4))


if __name__ == "__main__":
    main()
