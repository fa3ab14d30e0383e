"""Accuracy vs. number of labeled utterances for each acquisition strategy."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from strategies import STRATEGIES


def load(emb_path, csv_path):
    X = np.load(emb_path)
    y = pd.read_csv(csv_path)["label"].to_numpy()
    return X, y


def first_of_each_class(y, rng):
    return np.array([rng.choice(np.flatnonzero(y == c)) for c in np.unique(y)])


def run_strategy(name, X, y, X_test, y_test, init_idx, cfg):
    acquire = STRATEGIES[name]
    labeled = np.zeros(len(X), dtype=bool)
    labeled[init_idx] = True
    rows = []
    for budget in cfg["budgets"]:
        while labeled.sum() < budget:
            model = LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"],
                                       random_state=cfg["seed"]).fit(X[labeled], y[labeled])
            pool = np.flatnonzero(~labeled)
            n = min(cfg["batch_size"], budget - labeled.sum())
            picked = pool[acquire(model, X[pool], n)]
            labeled[picked] = True
        model = LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"],
                                   random_state=cfg["seed"]).fit(X[labeled], y[labeled])
        pred = model.predict(X_test)
        rows.append({"strategy": name, "n_labeled": int(labeled.sum()),
                     "accuracy": accuracy_score(y_test, pred),
                     "macro_f1": f1_score(y_test, pred, average="macro")})
        print(rows[-1])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    X, y = load(cfg["embeddings"], cfg["labels"])
    X_test, y_test = load(cfg["test_embeddings"], cfg["test_labels"])

    rng = np.random.default_rng(cfg["seed"])
    init_idx = first_of_each_class(y, rng)
    assert len(init_idx) == cfg["init_size"]

    results = []
    for name in cfg["strategies"]:
        results += run_strategy(name, X, y, X_test, y_test, init_idx, cfg)

    out = Path(cfg["out_csv"])
    out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(results).to_csv(out, index=False)
    print(pd.DataFrame(results).pivot(index="n_labeled", columns="strategy", values="macro_f1").round(4))


if __name__ == "__main__":
    main()
