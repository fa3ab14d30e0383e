"""Anti-PD-1 response from multi-region tumour RNA-seq (2-6 regions per patient).

Every region inherits its patient's RECIST response, so all splits are grouped by patient.
"""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, balanced_accuracy_score, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 8
IFNG_SIGNATURE = ["IFNG", "STAT1", "CCR5", "CXCL9", "CXCL10", "CXCL11", "IDO1", "PRF1", "GZMA", "HLA-DRA"]


def youden_threshold(y, p):
    fpr, tpr, thr = roc_curve(y, p)
    return float(thr[np.argmax(tpr - fpr)])


def patient_level(meta, y, p):
    df = pd.DataFrame({"patient": meta["patient_id"].to_numpy(), "y": y, "p": p})
    agg = df.groupby("patient").agg(y=("y", "first"), p=("p", "mean"))
    return agg["y"].to_numpy(), agg["p"].to_numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expr", default="data/multiregion_log2tpm.parquet")
    ap.add_argument("--meta", default="data/multiregion_samples.csv")
    args = ap.parse_args()
    np.random.seed(SEED)

    expr = pd.read_parquet(args.expr)
    meta = pd.read_csv(args.meta, index_col="sample_id").loc[expr.index]
    y = meta["responder"].astype(int).to_numpy()
    groups = meta["patient_id"].to_numpy()
    print(f"{len(expr)} regions from {meta['patient_id'].nunique()} patients")

    # outer split: one stratified group fold (~20% of patients) is held out for testing
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    train_idx, test_idx = next(outer.split(expr, y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    X_train, X_test = expr.iloc[train_idx], expr.iloc[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]
    g_train = groups[train_idx]

    models = {
        "ifng_signature_logreg": make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)),
        "xgb": xgb.XGBClassifier(n_estimators=400, learning_rate=0.03, max_depth=3, subsample=0.8,
                                 colsample_bytree=0.3, min_child_weight=2, reg_lambda=5.0,
                                 eval_metric="logloss", random_state=SEED, n_jobs=4),
    }
    columns = {"ifng_signature_logreg": IFNG_SIGNATURE, "xgb": list(expr.columns)}

    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    report = {}
    for name, model in models.items():
        cols = columns[name]
        oof = cross_val_predict(model, X_train[cols], y_train, groups=g_train, cv=inner,
                                method="predict_proba")[:, 1]
        thr = youden_threshold(y_train, oof)
        model.fit(X_train[cols], y_train)
        p = model.predict_proba(X_test[cols])[:, 1]
        yp, pp = patient_level(meta.iloc[test_idx], y_test, p)
        report[name] = {
            "cv_region_auc": roc_auc_score(y_train, oof),
            "test_region_auc": roc_auc_score(y_test, p),
            "test_region_pr_auc": average_precision_score(y_test, p),
            "test_patient_auc": roc_auc_score(yp, pp),
            "test_patient_bal_acc": balanced_accuracy_score(yp, (pp >= thr).astype(int)),
            "threshold_from_train_oof": thr,
        }
        print(name, {k: round(v, 3) for k, v in report[name].items()})

    with open("results/multiregion_response.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
