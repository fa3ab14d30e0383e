"""
Model bake-off for the subscription-upgrade task.

1. stratified train / valid / test (60/20/20)
2. every candidate is fit on train and compared on valid
3. the winner is refit on train+valid and scored ONCE on test

    python bakeoff.py --cfg configs/upgrade.yaml
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from utils.io import load_config, load_frame, save_json
from utils.metrics import evaluate

log = logging.getLogger("bakeoff")


def build_preprocessor(num_cols, cat_cols, scale=True, impute_num="median", impute_cat="most_frequent",
                       min_frequency=25, sparse=False):
    num_steps = [("imp", SimpleImputer(strategy=impute_num))]
    if scale:
        num_steps.append(("sc", StandardScaler()))
    cat_steps = [("imp", SimpleImputer(strategy=impute_cat)),
                 ("oh", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=min_frequency,
                                      sparse_output=sparse))]
    return ColumnTransformer([("num", Pipeline(num_steps), num_cols), ("cat", Pipeline(cat_steps), cat_cols)])


def candidates(cfg, num_cols, cat_cols):
    seed = cfg["seed"]
    tree_pre = lambda: build_preprocessor(num_cols, cat_cols, scale=False)   # fresh instance per candidate
    return {
        "dummy": Pipeline([("pre", tree_pre()), ("m", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("pre", build_preprocessor(num_cols, cat_cols)),
                            ("m", LogisticRegression(C=cfg["logreg_C"], max_iter=5000))]),
        "rf": Pipeline([("pre", tree_pre()),
                        ("m", RandomForestClassifier(n_estimators=600, min_samples_leaf=4, n_jobs=-1, random_state=seed))]),
        "xgb": Pipeline([("pre", tree_pre()),
                         ("m", xgb.XGBClassifier(n_estimators=500, max_depth=5, learning_rate=0.05, subsample=0.8,
                                                 colsample_bytree=0.8, tree_method="hist", random_state=seed))]),
        "lgbm": Pipeline([("pre", tree_pre()),
                          ("m", lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=31,
                                                   subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                                                   random_state=seed, verbose=-1))]),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfg", default="configs/upgrade.yaml")
    args = ap.parse_args()
    cfg = load_config(args.cfg)
    logging.basicConfig(level=logging.INFO)
    np.random.seed(cfg["seed"])

    df = load_frame(cfg["data"])
    num_cols, cat_cols, target = cfg["num_cols"], cfg["cat_cols"], cfg["target"]
    X, y = df[num_cols + cat_cols], df[target].astype(int)

    X_rest, X_te, y_rest, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=cfg["seed"])
    X_tr, X_va, y_tr, y_va = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=cfg["seed"])
    log.info("train %d | valid %d | test %d", len(X_tr), len(X_va), len(X_te))

    board = {}
    models = candidates(cfg, num_cols, cat_cols)
    for name, pipe in models.items():
        pipe.fit(X_tr, y_tr)
        board[name] = evaluate(pipe, X_va, y_va, name=f"valid/{name}", log=log)
    board_df = pd.DataFrame(board).T.sort_values("average_precision", ascending=False)
    print(board_df.round(4))

    winner = board_df.drop(index="dummy").index[0]
    # X_all = pd.concat([X_tr, X_va, X_te])   # <- NO, test stays out of the refit
    X_trva, y_trva = pd.concat([X_tr, X_va]), pd.concat([y_tr, y_va])
    final = candidates(cfg, num_cols, cat_cols)[winner]          # fresh, unfitted copy
    final.fit(X_trva, y_trva)
    test_scores = evaluate(final, X_te, y_te, name=f"test/{winner}", log=log)

    dummy = candidates(cfg, num_cols, cat_cols)["dummy"].fit(X_trva, y_trva)
    test_dummy = evaluate(dummy, X_te, y_te, name="test/dummy", log=log)
    save_json({"valid": board, "winner": winner, "test": test_scores, "test_dummy": test_dummy}, cfg["out"])


if __name__ == "__main__":
    main()
