"""Route support tickets to queues with a k-NN over mpnet embeddings."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score

from embedkit import EmbeddingCache, sweep_knn

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train_knn")


def load_split(cfg):
    df = pd.read_csv(cfg["data"]["tickets"])
    df = df.dropna(subset=[cfg["data"]["text_col"], cfg["data"]["label_col"]])
    train = df[df[cfg["data"]["split_col"]] == "train"].reset_index(drop=True)
    test = df[df[cfg["data"]["split_col"]] == "test"].reset_index(drop=True)
    log.info("train=%d test=%d queues=%d", len(train), len(test), df[cfg["data"]["label_col"]].nunique())
    return train, test


def main(config_path: str):
    cfg = yaml.safe_load(Path(config_path).read_text())
    np.random.seed(cfg["seed"])
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    train, test = load_split(cfg)
    text_col, label_col = cfg["data"]["text_col"], cfg["data"]["label_col"]

    cache = EmbeddingCache(cfg["encoder"]["name"], cfg["encoder"]["cache_dir"], cfg["encoder"]["batch_size"])
    X_train = cache.encode(train[text_col].tolist())
    X_test = cache.encode(test[text_col].tolist())
    y_train = train[label_col].values
    y_test = test[label_col].values

    model, best_params, history = sweep_knn(X_train, y_train, X_test, y_test, cfg["search"])
    log.info("best params: %s", best_params)

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    pred = model.predict(X_test)
    metrics = {
        "best_params": best_params,
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "accuracy": accuracy_score(y_test, pred),
        "baseline_macro_f1": f1_score(y_test, baseline.predict(X_test), average="macro"),
        "baseline_accuracy": accuracy_score(y_test, baseline.predict(X_test)),
    }
    print(classification_report(y_test, pred, digits=3))
    log.info("test metrics: %s", json.dumps(metrics, default=str))

    joblib.dump(model, out_dir / "knn_router.joblib")
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, default=str))
    pd.DataFrame(history).to_csv(out_dir / "sweep.csv", index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/knn.yaml")
    main(parser.parse_args().config)
