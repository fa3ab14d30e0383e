"""Benchmark of classical classifiers on six UCI datasets (Table 3.2 of the thesis)."""
import argparse
from pathlib import Path

import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC

from datasets import UCI_SPECS, describe, load_uci


def build_models(seed):
    return {
        "Majority": DummyClassifier(strategy="most_frequent"),
        "LogReg": LogisticRegression(C=1.0, max_iter=5000),
        "kNN (k=5)": KNeighborsClassifier(n_neighbors=5),
        "SVM-RBF": SVC(C=10.0, gamma="scale", random_state=seed),
        "RandomForest": RandomForestClassifier(n_estimators=500, random_state=seed, n_jobs=-1),
    }


def run(datasets, n_folds, seed):
    cv = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    rows = []
    for name in datasets:
        X, y = load_uci(name)
        for model_name, model in build_models(seed).items():
            scores = cross_validate(model, X, y, cv=cv, scoring=["accuracy", "f1_macro"], n_jobs=1)
            rows.append({
                "dataset": name,
                "model": model_name,
                "acc_mean": scores["test_accuracy"].mean(),
                "acc_std": scores["test_accuracy"].std(),
                "f1_mean": scores["test_f1_macro"].mean(),
                "f1_std": scores["test_f1_macro"].std(),
            })
            print(f"{name:26s} {model_name:14s} acc={rows[-1]['acc_mean']:.3f} f1={rows[-1]['f1_mean']:.3f}")
    return pd.DataFrame(rows)


def to_latex(results, path):
    cell = results.apply(lambda r: f"{r.f1_mean:.3f} $\\pm$ {r.f1_std:.3f}", axis=1)
    table = results.assign(cell=cell).pivot(index="dataset", columns="model", values="cell")
    Path(path).write_text(table.to_latex(escape=False, column_format="l" + "c" * table.shape[1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", nargs="+", default=list(UCI_SPECS))
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", default="results/uci_benchmark")
    args = parser.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(describe(args.datasets).to_markdown(index=False))
    results = run(args.datasets, args.folds, args.seed)
    results.to_csv(out / "cv_scores.csv", index=False)
    to_latex(results, out / "table_3_2.tex")


if __name__ == "__main__":
    main()
