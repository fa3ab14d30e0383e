import argparse
import json

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from features import add_numeric, build_features


def main():
    ap = argparse.ArgumentParser(description="train txn categoriser (tfidf + numeric)")
    ap.add_argument("--data", default="data/txns_labelled.parquet")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--out", default="models/categoriser.joblib")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df = df.dropna(subset=["description", "category"])
    df["posted_at"] = pd.to_datetime(df["posted_at"])
    df = add_numeric(df)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr, te = next(gss.split(df, groups=df["customer_id"]))
    train_df, test_df = df.iloc[tr], df.iloc[te]

    X_train, vec, scaler = build_features(train_df)
    X_test, _, _ = build_features(test_df, vectoriser=vec, scaler=scaler)

    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced",
                             random_state=args.seed)
    clf.fit(X_train, train_df["category"])

    pred = clf.predict(X_test)
    print(classification_report(test_df["category"], pred, digits=3, zero_division=0))
    metrics = {"macro_f1": f1_score(test_df["category"], pred, average="macro"),
               "n_test_customers": int(test_df["customer_id"].nunique())}
    print(json.dumps(metrics, indent=2))

    joblib.dump({"vectoriser": vec, "scaler": scaler, "model": clf}, args.out)


if __name__ == "__main__":
    main()
