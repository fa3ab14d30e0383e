"""Intent classifier for support messages, tracked in MLflow."""
import hashlib

import mlflow
import pandas as pd
from huggingface_hub import hf_hub_download
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline

from settings import DATASET_FILE, DATASET_REPO, DATASET_REVISION, DATASET_SHA256, credentials_from_env

SEED = 61


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_messages(token):
    path = hf_hub_download(DATASET_REPO, DATASET_FILE, repo_type="dataset", revision=DATASET_REVISION, token=token)
    if sha256_of(path) != DATASET_SHA256:
        raise SystemExit(f"{DATASET_FILE} at {DATASET_REVISION[:8]} does not match the pinned checksum")
    messages = pd.read_parquet(path)
    return messages[messages["split"] == "train"], messages[messages["split"] == "test"]


def main() -> None:
    creds = credentials_from_env()
    mlflow.set_tracking_uri(creds.mlflow_uri)
    train, test = load_messages(creds.hf_token)

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
    grid = {"tfidf__min_df": [1, 2, 5], "clf__C": [0.3, 1.0, 3.0, 10.0]}
    search = GridSearchCV(pipe, grid, scoring="f1_macro", cv=StratifiedKFold(5, shuffle=True, random_state=SEED))

    with mlflow.start_run(run_name="tfidf-logreg"):
        search.fit(train["text"], train["intent"])
        majority = DummyClassifier(strategy="most_frequent").fit(train["text"], train["intent"])
        pred = search.predict(test["text"])
        mlflow.log_params(search.best_params_)
        mlflow.log_metrics({
            "cv_macro_f1": search.best_score_,
            "test_macro_f1": f1_score(test["intent"], pred, average="macro"),
            "test_accuracy": accuracy_score(test["intent"], pred),
            "majority_macro_f1": f1_score(test["intent"], majority.predict(test["text"]), average="macro"),
        })
        mlflow.log_text(classification_report(test["intent"], pred, digits=3), "test_report.txt")


if __name__ == "__main__":
    main()
