"""Leave-one-subject-out evaluation of stress/amusement detection on WESAD chest+wrist features.

Windowed features (60 s, 0.25 s shift) are produced by extract_features.py; one row per window.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import LeaveOneGroupOut
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier


def build_models(cfg):
    seed = cfg["random_seed"]
    m = cfg["models"]
    return {
        "Majority": DummyClassifier(strategy="most_frequent"),
        "LogReg": make_pipeline(StandardScaler(), LogisticRegression(**m["logreg"], max_iter=5000)),
        "RandomForest": RandomForestClassifier(**m["random_forest"], random_state=seed, n_jobs=-1),
        "XGBoost": XGBClassifier(**m["xgboost"], random_state=seed, n_jobs=-1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="configs/loso.yaml")
    parser.add_argument("--out", default="results/loso")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    df = pd.read_csv(cfg["features_csv"])
    df = df[df["label"].isin(cfg["label_map"])].reset_index(drop=True)
    for col in cfg["skewed_features"]:
        df[col] = np.log1p(df[col].clip(lower=0))

    groups = df.pop("subject").values
    y = df.pop("label").map({k: i for i, k in enumerate(sorted(cfg["label_map"]))}).values
    X = df.values
    print(f"{len(y)} windows, {len(np.unique(groups))} subjects, class counts {np.bincount(y)}")

    logo = LeaveOneGroupOut()
    rows = []
    for fold, (tr, te) in enumerate(logo.split(X, y, groups)):
        subject = groups[te][0]
        for name, model in build_models(cfg).items():
            model.fit(X[tr], y[tr])
            pred = model.predict(X[te])
            rows.append({
                "subject": subject,
                "model": name,
                "macro_f1": f1_score(y[te], pred, average="macro"),
                "balanced_acc": balanced_accuracy_score(y[te], pred),
            })
        print(f"fold {fold:2d} (subject {subject}) done")

    res = pd.DataFrame(rows)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    res.to_csv(out / "per_subject.csv", index=False)
    summary = res.groupby("model")[["macro_f1", "balanced_acc"]].agg(["mean", "std"])
    summary.to_latex(out / "loso_summary.tex", float_format="%.3f")
    print(summary.round(3))


if __name__ == "__main__":
    main()
