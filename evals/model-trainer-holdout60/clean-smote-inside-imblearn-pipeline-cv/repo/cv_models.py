"""Insurance policy lapse model: compare resampling strategies with stratified CV."""
import argparse
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

SEED = 21
NUM = ["premium_annual", "policy_age_months", "n_claims_3y", "customer_age", "n_policies",
       "payment_delays_12m", "premium_change_pct", "agent_contacts_12m"]
CAT = ["product_line", "payment_frequency", "sales_channel", "region"]


def preprocessor():
    return ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT),
    ])


def candidates():
    return {
        "logreg": ImbPipeline([("pre", preprocessor()),
                               ("clf", LogisticRegression(max_iter=3000, random_state=SEED))]),
        "logreg_smote": ImbPipeline([("pre", preprocessor()),
                                     ("smote", SMOTE(sampling_strategy=0.3, random_state=SEED)),
                                     ("clf", LogisticRegression(max_iter=3000, random_state=SEED))]),
        "xgb_smote": ImbPipeline([("pre", preprocessor()),
                                  ("smote", SMOTE(sampling_strategy=0.3, random_state=SEED)),
                                  ("clf", XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05,
                                                        subsample=0.8, colsample_bytree=0.8,
                                                        eval_metric="aucpr", random_state=SEED))]),
    }


def main(args):
    df = pd.read_csv(args.data)
    X, y = df[NUM + CAT], df["lapsed_within_12m"].astype(int)
    print(f"{len(df)} policies, lapse rate {y.mean():.3%}")
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_summary = {}
    for name, pipe in candidates().items():
        res = cross_validate(pipe, X_train, y_train, cv=cv, scoring=["roc_auc", "average_precision"], n_jobs=-1)
        cv_summary[name] = {
            "roc_auc": float(np.mean(res["test_roc_auc"])),
            "pr_auc": float(np.mean(res["test_average_precision"])),
            "pr_auc_std": float(np.std(res["test_average_precision"])),
        }
        print(name, cv_summary[name])

    best_name = max(cv_summary, key=lambda k: cv_summary[k]["pr_auc"])
    best = candidates()[best_name]

    oof = cross_val_predict(best, X_train, y_train, cv=cv, method="predict_proba", n_jobs=-1)[:, 1]
    prec, rec, thr = precision_recall_curve(y_train, oof)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-12, None)
    threshold = float(thr[np.argmax(f1[:-1])])

    best.fit(X_train, y_train)
    p_test = best.predict_proba(X_test)[:, 1]
    test_report = {
        "model": best_name,
        "threshold_from_oof": threshold,
        "roc_auc": roc_auc_score(y_test, p_test),
        "pr_auc": average_precision_score(y_test, p_test),
        "f1_at_threshold": f1_score(y_test, (p_test >= threshold).astype(int)),
    }
    print(json.dumps({"cv": cv_summary, "test": test_report}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/policies_2019_2023.csv")
    main(ap.parse_args())
