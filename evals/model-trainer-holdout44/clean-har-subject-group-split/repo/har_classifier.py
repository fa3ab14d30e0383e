"""ML course, project 2: Human Activity Recognition with smartphone sensors (UCI HAR).

Input: data/har_windows.csv, one row per 2.56 s window with 561 features,
the volunteer id (`subject`) and the label (`Activity`).
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 404


def load(path):
    df = pd.read_csv(path)
    groups = df.pop("subject").to_numpy()
    y = df.pop("Activity").to_numpy()
    return df, y, groups


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/har_windows.csv")
    args = parser.parse_args()
    np.random.seed(SEED)

    X, y, groups = load(args.data)
    outer = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    train_idx, test_idx = next(outer.split(X, y, groups))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]
    g_train = groups[train_idx]
    assert not set(g_train) & set(groups[test_idx])
    print(f"train subjects: {len(set(g_train))}, test subjects: {len(set(groups[test_idx]))}")

    inner = GroupKFold(n_splits=5)
    candidates = {
        "logreg": GridSearchCV(
            Pipeline([("scale", StandardScaler()),
                      ("clf", LogisticRegression(max_iter=3000, random_state=SEED))]),
            {"clf__C": [0.01, 0.1, 1.0]}, cv=inner, scoring="f1_macro", n_jobs=-1),
        "hist_gb": GridSearchCV(
            HistGradientBoostingClassifier(random_state=SEED, early_stopping=True, validation_fraction=0.1),
            {"learning_rate": [0.05, 0.1], "max_leaf_nodes": [15, 31]},
            cv=inner, scoring="f1_macro", n_jobs=-1),
    }

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    rows = [("baseline", baseline.predict(X_test))]
    for name, search in candidates.items():
        search.fit(X_train, y_train, groups=g_train)
        print(f"{name}: best {search.best_params_} CV macro-F1={search.best_score_:.3f}")
        rows.append((name, search.predict(X_test)))

    for name, pred in rows:
        print(f"{name:<9} acc={accuracy_score(y_test, pred):.3f} "
              f"bal_acc={balanced_accuracy_score(y_test, pred):.3f} macro_f1={f1_score(y_test, pred, average='macro'):.3f}")
    print(classification_report(y_test, rows[-1][1]))


if __name__ == "__main__":
    main()
