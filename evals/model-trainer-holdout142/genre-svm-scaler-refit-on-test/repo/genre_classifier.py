"""Genre classifier on aggregated librosa descriptors (one row per 30 s clip)."""
import json
import sys

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

DROP = ["filename", "length", "label"]


class GenreClassifier:
    def __init__(self, C=10.0, gamma="scale", seed=0):
        self.scaler = StandardScaler()
        self.model = SVC(C=C, gamma=gamma, kernel="rbf", class_weight="balanced", random_state=seed)
        self.classes_ = None

    def _prepare(self, df: pd.DataFrame) -> np.ndarray:
        X = df.drop(columns=DROP, errors="ignore")
        # tempo comes in as bpm, the rest are small-magnitude spectral stats
        X = X.assign(tempo=np.log(X["tempo"]))
        return self.scaler.fit_transform(X.values)

    def fit(self, df: pd.DataFrame):
        X = self._prepare(df)
        self.classes_ = sorted(df["label"].unique())
        self.model.fit(X, df["label"])
        return self

    def predict(self, df: pd.DataFrame) -> np.ndarray:
        return self.model.predict(self._prepare(df))

    def save(self, path):
        joblib.dump({"scaler": self.scaler, "model": self.model, "classes": self.classes_}, path)


def main(csv_path="data/features_30_sec.csv", seed=0):
    df = pd.read_csv(csv_path)
    print(df["label"].value_counts().to_string())

    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=seed)

    clf = GenreClassifier(C=10.0, seed=seed).fit(train_df)
    pred = clf.predict(test_df)

    acc = accuracy_score(test_df["label"], pred)
    macro_f1 = f1_score(test_df["label"], pred, average="macro")
    print(f"test accuracy {acc:.3f}  macro-F1 {macro_f1:.3f}")
    cm = pd.DataFrame(confusion_matrix(test_df["label"], pred, labels=clf.classes_),
                      index=clf.classes_, columns=clf.classes_)
    print(cm)

    clf.save("genre_svc.joblib")
    with open("metrics.json", "w") as f:
        json.dump({"accuracy": acc, "macro_f1": macro_f1, "n_test": len(test_df)}, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:2])
