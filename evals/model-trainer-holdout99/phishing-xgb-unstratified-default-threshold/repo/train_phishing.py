"""Phishing classifier over cached embedding vectors of reported e-mails.

Embeddings (text-embedding-3-large, dimensions=1024) are produced by the nightly
embed job and joined on message_id; this script never calls the API.
"""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier


def load(cfg):
    emails = pd.read_parquet(cfg["data"]["emails"], columns=["message_id", "is_phishing", "n_links", "has_attachment"])
    vecs = pd.read_parquet(cfg["data"]["embeddings"])
    df = emails.merge(vecs, on="message_id", how="inner", validate="one_to_one")
    emb = np.vstack(df["embedding"].to_numpy()).astype(np.float32)
    extra = df[["n_links", "has_attachment"]].to_numpy(dtype=np.float32)
    return np.hstack([emb, extra]), df["is_phishing"].to_numpy()


def scores(y_true, y_pred):
    return {
        "precision": float(precision_score(y_true, y_pred, zero_division=0)),
        "recall": float(recall_score(y_true, y_pred)),
        "f1": float(f1_score(y_true, y_pred)),
    }


def main():
    cfg = tomllib.loads(Path("params.toml").read_text())
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    X, y = load(cfg)
    print(f"{len(y)} e-mails, phishing share {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], random_state=seed
    )

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    model = XGBClassifier(**cfg["xgb"], scale_pos_weight=pos_weight, random_state=seed,
                          eval_metric="aucpr", tree_method="hist")
    model.fit(X_train, y_train)
    baseline = DummyClassifier(strategy="stratified", random_state=seed).fit(X_train, y_train)

    report = {
        "xgb": scores(y_test, model.predict(X_test)),
        "baseline": scores(y_test, baseline.predict(X_test)),
    }
    print(json.dumps(report, indent=2))

    Path("artifacts").mkdir(exist_ok=True)
    model.save_model("artifacts/phishing_xgb.json")
    Path("artifacts/phishing_metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
