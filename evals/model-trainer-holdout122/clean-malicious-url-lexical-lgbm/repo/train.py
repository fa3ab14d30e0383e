import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from url_features import build_frame

CLASSES = ["benign", "defacement", "phishing", "malware"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/malicious_phish.csv")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    np.random.seed(args.seed)

    df = pd.read_csv(args.data).drop_duplicates(subset="url")
    df = df[df["type"].isin(CLASSES)].reset_index(drop=True)
    y = df["type"].map({c: i for i, c in enumerate(CLASSES)}).values

    X = build_frame(df["url"])
    print(X.describe().T[["mean", "50%", "max"]])

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y,
                                                    random_state=args.seed)
    X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.125, stratify=y_tmp,
                                                      random_state=args.seed)

    clf = lgb.LGBMClassifier(
        objective="multiclass", n_estimators=5000, learning_rate=0.05, num_leaves=127,
        min_child_samples=40, colsample_bytree=0.8, subsample=0.8, subsample_freq=1,
        class_weight="balanced", random_state=args.seed, verbose=-1,
    )
    clf.fit(X_train, y_train, eval_set=[(X_val, y_val)], eval_metric="multi_logloss",
            callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)])

    pred = clf.predict(X_test)
    print(f"best iteration: {clf.best_iteration_}")
    print(classification_report(y_test, pred, target_names=CLASSES, digits=4))
    print("test macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
    clf.booster_.save_model("models/url_lgbm.txt")


if __name__ == "__main__":
    main()
