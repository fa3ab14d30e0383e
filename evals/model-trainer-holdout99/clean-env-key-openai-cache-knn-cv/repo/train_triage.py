"""App-review triage (bug / feature_request / praise / pricing / other) with k-NN over OpenAI embeddings."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import Normalizer

from reviewtriage.openai_embed import CachedEmbedder


def main(cfg_path="config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    reviews = pd.read_csv(cfg["data_path"]).dropna(subset=["review", "label"])
    reviews = reviews.drop_duplicates(subset=["review"]).reset_index(drop=True)
    X = CachedEmbedder(cfg["embed_model"]).embed(reviews["review"].tolist())
    y = reviews["label"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed
    )

    pipe = Pipeline([("l2", Normalizer()), ("knn", KNeighborsClassifier(metric="euclidean"))])
    search = GridSearchCV(
        pipe,
        cfg["knn_grid"],
        cv=StratifiedKFold(cfg["cv_folds"], shuffle=True, random_state=seed),
        scoring="f1_macro",
        n_jobs=-1,
    )
    search.fit(X_train, y_train)
    print("best:", search.best_params_, "cv macro-F1 %.4f" % search.best_score_)

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    metrics = {"best_params": search.best_params_}
    for name, model in [("majority", baseline), ("knn", search.best_estimator_)]:
        pred = model.predict(X_test)
        metrics[name] = {
            "macro_f1": float(f1_score(y_test, pred, average="macro")),
            "balanced_accuracy": float(balanced_accuracy_score(y_test, pred)),
        }
    print(classification_report(y_test, search.predict(X_test), digits=3))
    print(json.dumps(metrics, indent=2))

    joblib.dump(search.best_estimator_, out / "knn_triage.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
