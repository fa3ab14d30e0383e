"""Classify somatic missense mutations as driver vs passenger from sequence/structure features."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

SEED = 2718
NUMERIC = [
    "phylop", "gerp", "vest4", "mutation_assessor", "fathmm", "hotspot_count_cosmic",
    "mut_density_gene", "frac_nonsyn_gene", "dnds_missense_gene", "plddt", "rel_sasa",
    "dist_to_interface", "ptm_within_5aa",
]
CATEGORICAL = ["ref_aa", "alt_aa", "secondary_structure"]


def load(path):
    df = pd.read_csv(path, sep="\t", low_memory=False)
    df = df.dropna(subset=["is_driver"])
    X = pd.get_dummies(df[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=np.float32)
    X[NUMERIC] = X[NUMERIC].fillna(-1.0)
    return X, df["is_driver"].astype(int).values, df


def main(args):
    X, y, meta = load(args.table)
    # curated drivers are only a few percent of the pan-cancer missense calls
    n_pos = int(y.sum())
    print(f"{len(y)} mutations: {n_pos} drivers ({n_pos / len(y):.1%}), {len(y) - n_pos} passengers")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    rf = RandomForestClassifier(
        n_estimators=800,
        max_depth=None,
        min_samples_leaf=3,
        max_features="sqrt",
        class_weight="balanced_subsample",
        n_jobs=-1,
        random_state=SEED,
    )
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_acc = cross_val_score(rf, X_train, y_train, cv=cv, scoring="accuracy")
    print(f"CV accuracy: {cv_acc.mean():.4f} +/- {cv_acc.std():.4f}")

    rf.fit(X_train, y_train)
    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)

    results = {
        "cv_accuracy": float(cv_acc.mean()),
        "test_accuracy_rf": accuracy_score(y_test, rf.predict(X_test)),
        "test_accuracy_majority": accuracy_score(y_test, dummy.predict(X_test)),
    }
    print(json.dumps(results, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(rf, out / "driver_rf.joblib")
    (out / "results.json").write_text(json.dumps(results, indent=2))
    imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values(ascending=False)
    imp.to_csv(out / "feature_importance.csv")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="data/pancancer_missense_annotated.tsv.gz")
    ap.add_argument("--out", default="runs/driver_rf")
    main(ap.parse_args())
