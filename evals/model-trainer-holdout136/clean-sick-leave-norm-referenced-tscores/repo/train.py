"""Any sickness absence within 6 months of the March 2022 baseline survey (register linkage).

All respondents answered the baseline survey in the same four-week window, so a random,
stratified split of people is the right evaluation here.
"""
import argparse
import json

import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from scoring import load_norms, raw_scores, to_t_scores

COVARIATES = ["age", "female", "shift_work", "physical_job", "prior_absence_days_12m",
              "sector_health", "sector_education", "sector_industry"]


def main(args):
    df = pd.read_csv(args.data)
    tscores = to_t_scores(raw_scores(df), load_norms(args.norms))
    X = pd.concat([tscores, df[COVARIATES]], axis=1)
    y = df["sick_leave_6m"].astype(int)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )
    clf = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        LogisticRegression(C=args.C, max_iter=2000, random_state=args.seed),
    )
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_auc = cross_val_score(clf, X_train, y_train, cv=cv, scoring="roc_auc")

    clf.fit(X_train, y_train)
    p = clf.predict_proba(X_test)[:, 1]
    res = {
        "cv_auc_train": round(float(cv_auc.mean()), 4),
        "test_auc": round(float(roc_auc_score(y_test, p)), 4),
        "test_ap": round(float(average_precision_score(y_test, p)), 4),
        "test_prevalence": round(float(y_test.mean()), 4),
    }
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ohs_baseline_2022_linked.csv")
    ap.add_argument("--norms", default="norms.json")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=3)
    main(ap.parse_args())
