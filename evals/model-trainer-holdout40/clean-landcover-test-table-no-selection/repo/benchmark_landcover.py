"""Land-cover classification from per-pixel spectral bands.

Model choice is made by 5-fold CV on the training split. Afterwards every candidate is
also scored on the test split so the report can show the full comparison table; those
numbers are written out and not used for anything else.
"""
import argparse
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]


def add_indices(df):
    # normalised-difference indices computed per pixel from its own bands
    df["ndvi"] = (df["B08"] - df["B04"]) / (df["B08"] + df["B04"] + 1e-6)
    df["ndwi"] = (df["B03"] - df["B08"]) / (df["B03"] + df["B08"] + 1e-6)
    df["ndbi"] = (df["B11"] - df["B08"]) / (df["B11"] + df["B08"] + 1e-6)
    return df


def models(seed):
    return {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)),
        "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=15, weights="distance")),
        "random_forest": RandomForestClassifier(n_estimators=500, min_samples_leaf=2, n_jobs=-1, random_state=seed),
        "extra_trees": ExtraTreesClassifier(n_estimators=800, min_samples_leaf=1, n_jobs=-1, random_state=seed),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pixels", default="data/labelled_pixels.parquet")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", default="reports")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)

    px = add_indices(pd.read_parquet(args.pixels))
    X = px[BANDS + ["ndvi", "ndwi", "ndbi"]].to_numpy()
    y = px["landcover"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_rows = []
    for name, est in models(args.seed).items():
        res = cross_validate(est, X_train, y_train, cv=cv, n_jobs=1,
                             scoring={"macro_f1": "f1_macro", "bal_acc": "balanced_accuracy"})
        cv_rows.append({"model": name,
                        "cv_macro_f1": res["test_macro_f1"].mean(),
                        "cv_bal_acc": res["test_bal_acc"].mean()})
    cv_table = pd.DataFrame(cv_rows).set_index("model")
    chosen = cv_table.drop(index="majority")["cv_macro_f1"].idxmax()
    print(cv_table.round(4).to_markdown())
    print(f"chosen by CV: {chosen}")

    # reporting only: the choice above is final
    test_rows, fitted = [], {}
    for name, est in models(args.seed).items():
        fitted[name] = est.fit(X_train, y_train)
        pred = fitted[name].predict(X_test)
        test_rows.append({"model": name,
                          "test_macro_f1": f1_score(y_test, pred, average="macro"),
                          "test_bal_acc": balanced_accuracy_score(y_test, pred),
                          "test_acc": accuracy_score(y_test, pred)})
    table = cv_table.join(pd.DataFrame(test_rows).set_index("model"))
    table.round(4).to_csv(out / "model_comparison.csv")
    print(table.round(4).to_markdown())

    joblib.dump(fitted[chosen], out / f"landcover_{chosen}.joblib")


if __name__ == "__main__":
    main()
