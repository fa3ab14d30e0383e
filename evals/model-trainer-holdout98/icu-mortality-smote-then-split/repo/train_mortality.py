"""In-hospital mortality for ICU admissions (PhysioNet 2012 challenge, set A).

Outcome prevalence is ~14%, so the minority class is oversampled with SMOTE.
Missing physiology is filled with clinically normal values (Knaus et al.),
the convention used by APACHE/SAPS scoring: unmeasured == assumed normal.
"""
import argparse

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, classification_report,
                             roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from xgboost import XGBClassifier

SEED = 2012

NORMAL_VALUES = {
    "HR": 80.0, "MAP": 85.0, "SysABP": 120.0, "RespRate": 16.0, "Temp": 37.0,
    "GCS": 15.0, "Urine": 1500.0, "pH": 7.40, "PaO2": 95.0, "FiO2": 0.21,
    "Lactate": 1.0, "WBC": 7.5, "Platelets": 250.0, "Creatinine": 0.9,
    "BUN": 14.0, "Bilirubin": 0.7, "Na": 140.0, "K": 4.2, "HCO3": 24.0,
    "Glucose": 110.0, "HCT": 42.0, "Albumin": 4.0,
}


def summarise(ts: pd.DataFrame) -> pd.DataFrame:
    """Collapse the 48h time series to min/max/last per variable per record."""
    ts = ts[ts["Parameter"].isin(NORMAL_VALUES)]
    agg = ts.sort_values("Time").groupby(["RecordID", "Parameter"])["Value"].agg(["min", "max", "last"])
    wide = agg.unstack("Parameter")
    wide.columns = [f"{param}_{stat}" for stat, param in wide.columns]
    return wide


def fill_normals(X: pd.DataFrame) -> pd.DataFrame:
    fills = {c: NORMAL_VALUES[c.rsplit("_", 1)[0]] for c in X.columns if c.rsplit("_", 1)[0] in NORMAL_VALUES}
    return X.fillna(fills)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeseries", default="data/set-a-long.csv")
    parser.add_argument("--outcomes", default="data/Outcomes-a.txt")
    parser.add_argument("--static", default="data/set-a-static.csv")
    args = parser.parse_args()

    wide = summarise(pd.read_csv(args.timeseries))
    static = pd.read_csv(args.static, index_col="RecordID")[["Age", "Gender", "Height", "ICUType"]]
    outcomes = pd.read_csv(args.outcomes, index_col="RecordID")
    data = static.join(wide, how="inner").join(outcomes["In-hospital_death"], how="inner")
    data["Height"] = data["Height"].where(data["Height"].between(120, 220))
    data["Height"] = data["Height"].fillna(170.0)
    data = pd.get_dummies(data, columns=["ICUType"], dtype=float)

    X = fill_normals(data.drop(columns="In-hospital_death"))
    y = data["In-hospital_death"].to_numpy()
    print(f"{len(X)} ICU stays, mortality {y.mean():.3f}")

    X_bal, y_bal = SMOTE(random_state=SEED, k_neighbors=5).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=SEED
    )

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, C=0.1))
    baseline.fit(X_train, y_train)

    model = XGBClassifier(
        n_estimators=600, max_depth=4, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.7, reg_lambda=2.0, random_state=SEED, n_jobs=-1,
    )
    model.fit(X_train, y_train)

    for name, clf in [("logistic", baseline), ("xgboost", model)]:
        proba = clf.predict_proba(X_test)[:, 1]
        print(f"== {name}: AUROC {roc_auc_score(y_test, proba):.3f} "
              f"AUPRC {average_precision_score(y_test, proba):.3f}")
        print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    model.save_model("xgb_mortality.json")


if __name__ == "__main__":
    main()
