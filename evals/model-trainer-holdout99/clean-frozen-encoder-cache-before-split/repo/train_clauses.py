"""Contract clause-type classifier on frozen gte-base embeddings."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier

from embeddings.hf_encoder import MeanPoolEncoder
from embeddings.store import l2_normalize, load_or_compute

SEED = 5
MODEL_ID = "thenlper/gte-base"
CLAUSES = Path("data/clauses_labelled.jsonl")
OUT = Path("artifacts/clause_type")


def main():
    np.random.seed(SEED)
    OUT.mkdir(parents=True, exist_ok=True)

    df = pd.read_json(CLAUSES, lines=True)
    df = df.dropna(subset=["clause_text", "clause_type"]).drop_duplicates("clause_id").reset_index(drop=True)
    print(df["clause_type"].value_counts().to_string())

    raw = load_or_compute(df["clause_id"], df["clause_text"], lambda: MeanPoolEncoder(MODEL_ID),
                          store_dir="cache/embeddings", tag="gte_base_clauses")
    X = l2_normalize(raw)
    y = df["clause_type"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    candidates = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "knn_cosine": KNeighborsClassifier(n_neighbors=10, weights="distance", metric="cosine"),
        "logreg": LogisticRegression(C=4.0, max_iter=4000, class_weight="balanced"),
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_scores = {
        name: float(cross_val_score(m, X_train, y_train, cv=cv, scoring="f1_macro").mean())
        for name, m in candidates.items()
    }
    print("cv macro-F1 on train:", json.dumps(cv_scores, indent=2))
    chosen = max(cv_scores, key=cv_scores.get)

    results = {}
    for name in ("majority", chosen):
        model = candidates[name].fit(X_train, y_train)
        pred = model.predict(X_test)
        results[name] = {
            "macro_f1": float(f1_score(y_test, pred, average="macro")),
            "weighted_f1": float(f1_score(y_test, pred, average="weighted")),
            "balanced_accuracy": float(balanced_accuracy_score(y_test, pred)),
        }
    print("chosen by CV:", chosen)
    print(json.dumps(results, indent=2))

    joblib.dump({"model": candidates[chosen], "encoder": MODEL_ID, "normalize": "l2"}, OUT / "model.joblib")
    (OUT / "metrics.json").write_text(json.dumps({"cv": cv_scores, "test": results}, indent=2))


if __name__ == "__main__":
    main()
