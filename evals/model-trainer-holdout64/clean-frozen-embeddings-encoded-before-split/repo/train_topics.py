"""HR helpdesk topic classifier: frozen sentence embeddings + standardised logistic regression."""
import json
import random
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import torch
from sentence_transformers import SentenceTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main(settings_path="settings.json"):
    cfg = json.loads(Path(settings_path).read_text())
    seed_all(cfg["seed"])

    df = pd.read_csv(cfg["data_path"])
    df = df.rename(columns={cfg["text_column"]: "text", cfg["label_column"]: "label"})
    df = df.dropna(subset=["text", "label"]).reset_index(drop=True)

    encoder = SentenceTransformer(cfg["encoder"])
    encoder.eval()
    embeddings = encoder.encode(
        df["text"].tolist(), batch_size=64, convert_to_numpy=True, show_progress_bar=True
    )

    X_train, X_test, y_train, y_test = train_test_split(
        embeddings,
        df["label"].values,
        test_size=cfg["test_size"],
        stratify=df["label"].values,
        random_state=cfg["seed"],
    )

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(max_iter=5000, random_state=cfg["seed"])),
    ])
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(pipe, {"clf__C": cfg["C_grid"]}, scoring="f1_macro", cv=cv, n_jobs=-1)
    search.fit(X_train, y_train)
    print("best C:", search.best_params_["clf__C"], "cv macro-F1:", round(search.best_score_, 4))

    baseline = DummyClassifier(strategy="stratified", random_state=cfg["seed"]).fit(X_train, y_train)

    results = {}
    for name, model in [("dummy", baseline), ("logreg", search.best_estimator_)]:
        pred = model.predict(X_test)
        results[name] = {
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "balanced_accuracy": balanced_accuracy_score(y_test, pred),
        }
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, search.best_estimator_.predict(X_test), digits=3))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "head.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
