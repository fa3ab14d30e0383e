"""XGBoost vs LightGBM vs CatBoost on UCI Adult with the paper's fixed settings (Table 2).

Each library gets the same validation split (from adult.data) for early stopping; all are
reported on the official adult.test file, next to two simple baselines.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
from catboost import CatBoostClassifier
from lightgbm import LGBMClassifier, early_stopping
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

COLS = ["age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
        "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country", "income"]
CAT = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex", "native_country"]


def read_adult(path, skip):
    df = pd.read_csv(path, names=COLS, skiprows=skip, skipinitialspace=True, na_values="?")
    y = df.pop("income").str.rstrip(".").eq(">50K").astype(int).values
    return df, y


def as_category(df, levels):
    out = df.copy()
    for c in CAT:
        out[c] = pd.Categorical(out[c], categories=levels[c])
    return out


def scores(y, p):
    return {"ROC-AUC": roc_auc_score(y, p), "PR-AUC": average_precision_score(y, p), "LogLoss": log_loss(y, p)}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settings", default="settings.toml")
    args = parser.parse_args()
    with open(args.settings, "rb") as f:
        s = tomli.load(f)
    seed, es = s["seed"], s["early_stopping_rounds"]

    X_full, y_full = read_adult(s["paths"]["train"], skip=0)
    X_test, y_test = read_adult(s["paths"]["test"], skip=1)
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_full, y_full, test_size=s["val_fraction"], stratify=y_full, random_state=seed
    )
    levels = {c: sorted(X_tr[c].dropna().unique()) for c in CAT}
    Xc_tr, Xc_val, Xc_test = (as_category(d, levels) for d in (X_tr, X_val, X_test))

    probs, best_iters = {}, {}

    probs["Majority"] = DummyClassifier(strategy="prior").fit(X_tr, y_tr).predict_proba(X_test)[:, 1]
    num = [c for c in COLS[:-1] if c not in CAT]
    logreg = make_pipeline(
        make_column_transformer((StandardScaler(), num), (OneHotEncoder(handle_unknown="ignore"), CAT)),
        LogisticRegression(C=1.0, max_iter=3000),
    )
    probs["LogReg"] = logreg.fit(X_tr.fillna("missing"), y_tr).predict_proba(X_test.fillna("missing"))[:, 1]

    xgb = XGBClassifier(**s["xgboost"], enable_categorical=True, tree_method="hist",
                        early_stopping_rounds=es, eval_metric="logloss", random_state=seed)
    xgb.fit(Xc_tr, y_tr, eval_set=[(Xc_val, y_val)], verbose=False)
    probs["XGBoost"], best_iters["XGBoost"] = xgb.predict_proba(Xc_test)[:, 1], xgb.best_iteration

    lgbm = LGBMClassifier(**s["lightgbm"], random_state=seed, verbose=-1)
    lgbm.fit(Xc_tr, y_tr, eval_set=[(Xc_val, y_val)], callbacks=[early_stopping(es, verbose=False)])
    probs["LightGBM"], best_iters["LightGBM"] = lgbm.predict_proba(Xc_test)[:, 1], lgbm.best_iteration_

    cb_cols = lambda d: d.astype({c: str for c in CAT})
    cat = CatBoostClassifier(**s["catboost"], cat_features=CAT, random_seed=seed, verbose=0,
                             early_stopping_rounds=es)
    cat.fit(cb_cols(X_tr), y_tr, eval_set=(cb_cols(X_val), y_val))
    probs["CatBoost"], best_iters["CatBoost"] = cat.predict_proba(cb_cols(X_test))[:, 1], cat.get_best_iteration()

    table = pd.DataFrame({name: scores(y_test, np.clip(p, 1e-7, 1 - 1e-7)) for name, p in probs.items()}).T
    table["best_iter"] = pd.Series(best_iters)
    out = Path(s["paths"]["out"])
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "table2.csv")
    table.drop(columns="best_iter").to_latex(out / "table2.tex", float_format="%.4f")
    print(table.round(4))


if __name__ == "__main__":
    main()
