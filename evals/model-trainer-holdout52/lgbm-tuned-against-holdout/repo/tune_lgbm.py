"""Home Credit Default Risk: small LightGBM grid with a stratified holdout."""
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

DATA = Path("input/home-credit-default-risk")
SEED = 1001

GRID = {
    "num_leaves": [31, 63, 127],
    "min_child_samples": [50, 200],
    "colsample_bytree": [0.3, 0.6],
}


def load_application():
    train = pd.read_csv(DATA / "application_train.csv")
    test = pd.read_csv(DATA / "application_test.csv")
    for df in (train, test):
        df["DAYS_EMPLOYED"] = df["DAYS_EMPLOYED"].replace(365243, np.nan)
        df["CREDIT_TO_ANNUITY"] = df["AMT_CREDIT"] / df["AMT_ANNUITY"]
        df["CREDIT_TO_GOODS"] = df["AMT_CREDIT"] / df["AMT_GOODS_PRICE"]
        df["EMPLOYED_TO_BIRTH"] = df["DAYS_EMPLOYED"] / df["DAYS_BIRTH"]
        df["EXT_MEAN"] = df[["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"]].mean(axis=1)
    cat_cols = [c for c in train.columns if train[c].dtype == "object"]
    for c in cat_cols:
        cats = train[c].astype("category").cat.categories
        train[c] = pd.Categorical(train[c], categories=cats)
        test[c] = pd.Categorical(test[c], categories=cats)
    return train, test


def main():
    train, test = load_application()
    features = [c for c in train.columns if c not in ("SK_ID_CURR", "TARGET")]
    X, y = train[features], train["TARGET"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    ext = ["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3", "EXT_MEAN"]
    baseline = make_pipeline(SimpleImputer(strategy="median"), LogisticRegression(max_iter=500))
    baseline.fit(X_train[ext], y_train)
    p_base = baseline.predict_proba(X_test[ext])[:, 1]
    print(f"baseline EXT_SOURCE logreg: auc={roc_auc_score(y_test, p_base):.5f} "
          f"logloss={log_loss(y_test, p_base):.5f}")

    results = []
    best = {"auc": 0.0}
    for num_leaves, mcs, colsample in itertools.product(*GRID.values()):
        params = dict(
            n_estimators=10000,
            learning_rate=0.02,
            num_leaves=num_leaves,
            min_child_samples=mcs,
            colsample_bytree=colsample,
            subsample=0.85,
            subsample_freq=1,
            reg_alpha=0.04,
            reg_lambda=0.07,
            random_state=SEED,
            verbose=-1,
        )
        model = lgb.LGBMClassifier(**params)
        model.fit(
            X_train,
            y_train,
            eval_set=[(X_test, y_test)],
            eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False)],
        )
        proba = model.predict_proba(X_test)[:, 1]
        auc = roc_auc_score(y_test, proba)
        results.append({**params, "best_iter": model.best_iteration_, "auc": auc,
                        "logloss": log_loss(y_test, proba)})
        print(f"leaves={num_leaves} mcs={mcs} col={colsample} -> auc={auc:.5f}")
        if auc > best["auc"]:
            best = {"auc": auc, "params": params, "best_iter": model.best_iteration_}

    print(f"best holdout AUC: {best['auc']:.5f} with {best['params']}")
    Path("results").mkdir(exist_ok=True)
    pd.DataFrame(results).to_csv("results/grid.csv", index=False)
    with open("results/best.json", "w") as f:
        json.dump({k: v for k, v in best.items()}, f, indent=2, default=str)

    final_params = {**best["params"], "n_estimators": int(best["best_iter"] * 1.1)}
    final = lgb.LGBMClassifier(**final_params).fit(X, y)
    sub = pd.DataFrame({"SK_ID_CURR": test["SK_ID_CURR"],
                        "TARGET": final.predict_proba(test[features])[:, 1]})
    sub.to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
