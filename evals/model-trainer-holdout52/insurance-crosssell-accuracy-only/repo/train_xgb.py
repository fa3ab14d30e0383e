"""Playground S4E7 insurance cross-selling: XGBoost 5-fold."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold

SEED = 94
CATS = ["Gender", "Vehicle_Age", "Vehicle_Damage"]


def prepare(df):
    df = df.copy()
    df["Gender"] = (df["Gender"] == "Male").astype("int8")
    df["Vehicle_Damage"] = (df["Vehicle_Damage"] == "Yes").astype("int8")
    df["Vehicle_Age"] = df["Vehicle_Age"].map({"< 1 Year": 0, "1-2 Year": 1, "> 2 Years": 2}).astype("int8")
    df["Region_Code"] = df["Region_Code"].astype("int16")
    df["Policy_Sales_Channel"] = df["Policy_Sales_Channel"].astype("int16")
    df["Premium_per_day"] = df["Annual_Premium"] / (df["Vintage"] + 1)
    df["Damage_NotInsured"] = df["Vehicle_Damage"] * (1 - df["Previously_Insured"])
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="input/playground-series-s4e7")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    train = prepare(pd.read_csv(Path(args.data) / "train.csv"))
    test = prepare(pd.read_csv(Path(args.data) / "test.csv"))
    features = [c for c in train.columns if c not in ("id", "Response")]
    X, y = train[features], train["Response"]

    pos_rate = y.mean()
    print(f"{len(train):,} rows, Response=1 rate {pos_rate:.3%}")
    params = dict(
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=9,
        min_child_weight=5,
        subsample=0.8,
        colsample_bytree=0.5,
        reg_alpha=0.1,
        scale_pos_weight=(1 - pos_rate) / pos_rate,
        tree_method="hist",
        early_stopping_rounds=100,
        eval_metric="logloss",
        random_state=SEED,
    )

    skf = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    fold_acc, base_acc = [], []
    test_proba = np.zeros(len(test))
    for fold, (tr, va) in enumerate(skf.split(X, y)):
        X_tr, X_va, y_tr, y_va = X.iloc[tr], X.iloc[va], y.iloc[tr], y.iloc[va]
        base = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)
        base_acc.append(accuracy_score(y_va, base.predict(X_va)))

        model = xgb.XGBClassifier(**params)
        model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=250)
        fold_acc.append(accuracy_score(y_va, model.predict(X_va)))
        test_proba += model.predict_proba(test[features])[:, 1] / args.folds
        print(f"fold {fold}: acc {fold_acc[-1]:.4f} (majority {base_acc[-1]:.4f})")

    print(f"majority-class accuracy {np.mean(base_acc):.4f} +- {np.std(base_acc):.4f}")
    print(f"XGBoost accuracy        {np.mean(fold_acc):.4f} +- {np.std(fold_acc):.4f}")

    pd.DataFrame({"id": test["id"], "Response": test_proba}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
