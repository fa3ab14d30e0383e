"""Non-technical loss (theft) screening model on SGCC customer consumption.

Each customer's daily series is aggregated to weekly kWh, normalised by the customer's own
median week, then PCA -> SMOTE -> logistic regression / LightGBM inside an imblearn Pipeline.
"""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate, train_test_split
from sklearn.preprocessing import StandardScaler


def weekly_profiles(path):
    raw = pd.read_csv(path).drop_duplicates("CONS_NO").set_index("CONS_NO")
    y = raw.pop("FLAG").astype(int)
    raw.columns = pd.to_datetime(raw.columns)
    raw = raw[sorted(raw.columns)]
    weekly = raw.T.resample("W-MON").sum(min_count=4).T          # NaN if <4 valid days
    weekly = weekly.T.fillna(weekly.median(axis=1)).T            # row-wise: customer's own median
    scale = weekly.median(axis=1).replace(0, np.nan)
    X = weekly.div(scale, axis=0).fillna(0).clip(upper=20)
    X.columns = [f"w{i:03d}" for i in range(X.shape[1])]
    return X, y


def make_pipeline(kind, seed):
    if kind == "logreg":
        clf = LogisticRegression(C=0.3, max_iter=2000, random_state=seed)
    else:
        clf = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=31,
                                 subsample=0.8, subsample_freq=1, random_state=seed, verbose=-1)
    return Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(n_components=40, random_state=seed)),
        ("smote", SMOTE(sampling_strategy=0.5, random_state=seed)),
        ("clf", clf),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/sgcc_data.csv")
    ap.add_argument("--model", choices=["logreg", "lgbm"], default="lgbm")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--min-precision", type=float, default=0.6,
                    help="inspection teams can only follow up high-precision alerts")
    args = ap.parse_args()

    X, y = weekly_profiles(args.data)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=args.seed)
    print(f"train {X_tr.shape}, positives {y_tr.mean():.3%}; test {X_te.shape}")

    pipe = make_pipeline(args.model, args.seed)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cvres = cross_validate(pipe, X_tr, y_tr, cv=cv, scoring=["roc_auc", "average_precision"])
    print(f"CV ROC-AUC {cvres['test_roc_auc'].mean():.4f}  PR-AUC {cvres['test_average_precision'].mean():.4f}")

    # alert threshold from out-of-fold scores on the training customers
    oof = cross_val_predict(pipe, X_tr, y_tr, cv=cv, method="predict_proba")[:, 1]
    prec, rec, thr = precision_recall_curve(y_tr, oof)
    ok = np.flatnonzero(prec[:-1] >= args.min_precision)
    threshold = float(thr[ok[0]]) if len(ok) else 0.5
    print(f"threshold {threshold:.3f} (OOF precision {prec[ok[0]] if len(ok) else float('nan'):.3f})")

    pipe.fit(X_tr, y_tr)
    proba = pipe.predict_proba(X_te)[:, 1]
    alert = proba >= threshold
    tp = int((alert & (y_te.to_numpy() == 1)).sum())
    print(f"TEST ROC-AUC {roc_auc_score(y_te, proba):.4f}  PR-AUC {average_precision_score(y_te, proba):.4f}")
    print(f"TEST alerts {alert.sum()}  precision {tp / max(alert.sum(), 1):.3f}  recall {tp / y_te.sum():.3f}")


if __name__ == "__main__":
    main()
