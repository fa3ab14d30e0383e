"""Ninth-grade on-track early warning model.

Trains on the full 2022-23 grade 9 cohort (all schools) and writes the model that
scores the incoming cohort each October, plus a performance report for the district dashboard.
"""
import json

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from report import by_school, evaluate, write_report

with open("config.json") as f:
    CFG = json.load(f)


def build_model(cfg):
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), cfg["numeric"]),
        ("cat", Pipeline([
            ("imp", SimpleImputer(strategy="most_frequent")),
            ("ohe", OneHotEncoder(handle_unknown="ignore")),
        ]), cfg["categorical"]),
    ])
    return Pipeline([("pre", pre), ("rf", RandomForestClassifier(n_jobs=-1, **cfg["model"]))])


def main():
    df = pd.read_parquet(CFG["cohort_file"])
    df = df.dropna(subset=[CFG["target"]])
    X = df[CFG["numeric"] + CFG["categorical"]]
    y = df[CFG["target"]].astype(int)
    print(f"{len(df)} students, {df['school_id'].nunique()} schools, off-track rate {y.mean():.3f}")

    model = build_model(CFG)
    model.fit(X, y)

    overall = evaluate(model, X, y, CFG["threshold"])
    per_school = by_school(model, X, y, df["school_id"], CFG["threshold"])
    print(json.dumps(overall, indent=2))
    print(per_school.head(10).to_string(index=False))

    joblib.dump(model, CFG["model_out"])
    write_report(CFG["report_out"], overall, per_school)


if __name__ == "__main__":
    main()
