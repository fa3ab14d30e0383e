import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from intent_clf.data import load_utterances
from intent_clf.features import embed_texts, fit_reducer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def evaluate(name, model, X, y):
    pred = model.predict(X)
    scores = {
        "accuracy": accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro"),
        "weighted_f1": f1_score(y, pred, average="weighted"),
    }
    log.info("%s: %s", name, json.dumps({k: round(v, 4) for k, v in scores.items()}))
    return scores, pred


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    df = load_utterances(
        cfg["data"]["path"],
        cfg["data"]["text_column"],
        cfg["data"]["label_column"],
        cfg["data"]["min_examples_per_intent"],
    )

    emb_cfg = cfg["embedding"]
    embeddings = embed_texts(
        df["text"],
        emb_cfg["model_name"],
        batch_size=emb_cfg["batch_size"],
        normalize=emb_cfg["normalize"],
        cache_dir=emb_cfg["cache_dir"],
    )

    red_cfg = cfg["reduction"]
    pca, features = fit_reducer(embeddings, red_cfg["n_components"], red_cfg["whiten"], seed=seed)

    X_train, X_test, y_train, y_test = train_test_split(
        features,
        df["label"].values,
        test_size=cfg["split"]["test_size"],
        stratify=df["label"].values,
        random_state=seed,
    )
    log.info("train=%d test=%d", len(X_train), len(X_test))

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    evaluate("baseline", baseline, X_test, y_test)

    clf_cfg = cfg["classifier"]
    clf = LogisticRegression(C=clf_cfg["C"], max_iter=clf_cfg["max_iter"], random_state=seed)
    clf.fit(X_train, y_train)
    scores, pred = evaluate("logreg", clf, X_test, y_test)
    print(classification_report(y_test, pred, digits=3, zero_division=0))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pca": pca, "clf": clf, "embedding_model": emb_cfg["model_name"]}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(scores, indent=2))
    log.info("saved to %s", out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
