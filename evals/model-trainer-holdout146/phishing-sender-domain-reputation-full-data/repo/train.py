import argparse
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import build_features

PARAMS = dict(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    class_weight="balanced",
)


def parse_args():
    ap = argparse.ArgumentParser(description="Train LightGBM phishing email classifier")
    ap.add_argument("--data", default="data/labeled_emails.csv")
    ap.add_argument("--out", default="models/phish_lgbm.txt")
    ap.add_argument("--test-size", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=42)
    return ap.parse_args()


def main():
    args = parse_args()
    df = pd.read_csv(args.data)
    df = df.drop_duplicates(subset="message_id")
    df["sender_domain"] = df["sender_domain"].str.lower().str.strip()
    df["reply_to_domain"] = df["reply_to_domain"].str.lower().str.strip()
    print(f"{len(df)} emails, phishing rate {df['is_phishing'].mean():.3f}")

    X = build_features(df)
    y = df["is_phishing"].astype(int)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=args.test_size, stratify=y, random_state=args.seed)

    clf = lgb.LGBMClassifier(**PARAMS, random_state=args.seed, verbose=-1)
    clf.fit(X_tr, y_tr)

    p = clf.predict_proba(X_te)[:, 1]
    yhat = (p >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_te, p),
        "pr_auc": average_precision_score(y_te, p),
        "precision": precision_score(y_te, yhat),
        "recall": recall_score(y_te, yhat),
        "f1": f1_score(y_te, yhat),
    }
    print(json.dumps(metrics, indent=2))
    imp = pd.Series(clf.booster_.feature_importance("gain"), index=X.columns).sort_values(ascending=False)
    print(imp.head(8))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    clf.booster_.save_model(args.out)


if __name__ == "__main__":
    main()
