"""30-day readmission after heart-failure discharge: random forest vs. LACE-style logistic model."""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUM = ["age", "los_days", "n_prior_adm_12m", "ejection_fraction", "creatinine", "sodium",
       "bnp", "n_meds_discharge", "charlson"]
CAT = ["discharge_to", "payer", "admit_source"]
LACE = ["los_days", "charlson", "n_prior_adm_12m"]


def bootstrap_auc(y_true, scores, n_boot=1000):
    y_true = np.asarray(y_true)
    aucs = []
    for _ in range(n_boot):
        idx = np.random.choice(len(y_true), size=len(y_true), replace=True)
        if len(np.unique(y_true[idx])) < 2:
            continue
        aucs.append(roc_auc_score(y_true[idx], scores[idx]))
    return np.quantile(aucs, [0.025, 0.975])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/hf_discharges.csv")
    args = ap.parse_args()

    adm = pd.read_csv(args.csv)
    y = adm["readmit_30d"].astype(int)
    X = adm[NUM + CAT]

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y)

    prep = make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM),
        (OneHotEncoder(handle_unknown="ignore"), CAT),
    )
    forest = make_pipeline(prep, RandomForestClassifier(n_estimators=600, min_samples_leaf=10,
                                                        max_features="sqrt", n_jobs=-1))
    lace = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                         LogisticRegression(max_iter=1000))

    forest.fit(X_tr, y_tr)
    lace.fit(X_tr[LACE], y_tr)
    p_rf = forest.predict_proba(X_te)[:, 1]
    p_lace = lace.predict_proba(X_te[LACE])[:, 1]

    for name, p in [("LACE-logistic", p_lace), ("random forest", p_rf)]:
        lo, hi = bootstrap_auc(y_te, p)
        print(f"{name:15s} AUROC {roc_auc_score(y_te, p):.3f} [{lo:.3f}, {hi:.3f}]  "
              f"AP {average_precision_score(y_te, p):.3f}  Brier {brier_score_loss(y_te, p):.4f}")


if __name__ == "__main__":
    main()
