"""Small-business loan default model with a fair-lending review by owner demographics.

Defaults are rare (~7%) and even rarer in the minority-owned segment, so the training data is
rebalanced with SMOTENC before fitting the forest.
"""
import json
import sys

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTENC
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 2024
NUMERIC = ["loan_amount", "term_months", "business_age_years", "num_employees",
           "owner_credit_score", "annual_revenue", "debt_service_coverage", "collateral_ratio"]
CATEGORICAL = ["naics_sector", "state", "urban_rural", "is_franchise"]
OWNER_GROUPS = ["owner_race", "owner_sex", "veteran_status"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, low_memory=False)
    df = df[df["loan_status"].isin(["PIF", "CHGOFF"])].copy()
    df["defaulted"] = (df["loan_status"] == "CHGOFF").astype(int)
    df[NUMERIC] = df[NUMERIC].fillna(0)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("UNK").astype("category").cat.codes
    return df


def rebalance(df: pd.DataFrame, target: str) -> pd.DataFrame:
    cols = NUMERIC + CATEGORICAL + OWNER_GROUPS
    X = df[cols].copy()
    owner_codes = {}
    for col in OWNER_GROUPS:
        X[col], owner_codes[col] = pd.factorize(X[col].fillna("not_reported"))
    cat_idx = [cols.index(c) for c in CATEGORICAL + OWNER_GROUPS]
    sampler = SMOTENC(categorical_features=cat_idx, sampling_strategy=0.5, random_state=SEED)
    X_res, y_res = sampler.fit_resample(X, df[target])
    out = pd.DataFrame(X_res, columns=cols)
    for col in OWNER_GROUPS:
        out[col] = np.asarray(owner_codes[col])[out[col].astype(int)]
    out[target] = y_res
    return out


def pick_threshold(y, scores):
    precision, recall, thresholds = precision_recall_curve(y, scores)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def fairness_table(frame, y_true, y_pred, col):
    rows = []
    for g, idx in frame.groupby(col).indices.items():
        yt, yp = y_true[idx], y_pred[idx]
        rows.append({"group": g, "n": len(idx), "decline_rate": yp.mean(),
                     "tpr": yp[yt == 1].mean() if (yt == 1).any() else np.nan,
                     "fpr": yp[yt == 0].mean() if (yt == 0).any() else np.nan})
    table = pd.DataFrame(rows)
    table["approval_ratio_vs_best"] = (1 - table["decline_rate"]) / (1 - table["decline_rate"]).max()
    return table


def main(path: str) -> None:
    df = load(path)
    print("default rate:", round(df["defaulted"].mean(), 4))
    df = rebalance(df, "defaulted")

    train, test = train_test_split(df, test_size=0.2, stratify=df["defaulted"], random_state=SEED)
    train, val = train_test_split(train, test_size=0.2, stratify=train["defaulted"], random_state=SEED)
    features = NUMERIC + CATEGORICAL

    baseline = DummyClassifier(strategy="stratified", random_state=SEED).fit(train[features], train["defaulted"])
    forest = RandomForestClassifier(n_estimators=500, min_samples_leaf=20, max_features="sqrt",
                                    n_jobs=-1, random_state=SEED)
    forest.fit(train[features], train["defaulted"])

    threshold = pick_threshold(val["defaulted"], forest.predict_proba(val[features])[:, 1])
    y_test = test["defaulted"].to_numpy()
    scores = forest.predict_proba(test[features])[:, 1]
    preds = (scores >= threshold).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_test, scores),
        "pr_auc": average_precision_score(y_test, scores),
        "f1": f1_score(y_test, preds),
        "baseline_pr_auc": average_precision_score(y_test, baseline.predict_proba(test[features])[:, 1]),
        "threshold": threshold,
    }
    print(json.dumps(metrics, indent=2))

    test = test.reset_index(drop=True)
    for col in OWNER_GROUPS:
        print(fairness_table(test, y_test, preds, col).round(3).to_string(index=False))
    joblib.dump({"model": forest, "threshold": threshold}, "models/sba_default_rf.joblib")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/sba_7a_2010_2020.csv")
