import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

from acquisition import ACQUISITIONS
from seeding import set_global_seed


def run_one(strategy, seed, X_pool, y_pool, X_test, y_test, cfg):
    rng = set_global_seed(seed)
    acquire = ACQUISITIONS[strategy]
    labeled = np.zeros(X_pool.shape[0], dtype=bool)
    labeled[rng.choice(X_pool.shape[0], cfg["init_size"], replace=False)] = True

    def fit():
        return LogisticRegression(C=cfg["clf"]["C"], max_iter=cfg["clf"]["max_iter"],
                                  random_state=seed).fit(X_pool[labeled], y_pool[labeled])

    rows, clf = [], fit()
    for budget in cfg["budgets"]:
        while labeled.sum() < budget:
            unl = np.flatnonzero(~labeled)
            k = min(cfg["batch_size"], budget - labeled.sum())
            labeled[unl[acquire(clf, X_pool[unl], k, rng)]] = True
            clf = fit()
        rows.append({"strategy": strategy, "seed": seed, "n_labeled": int(labeled.sum()),
                     "test_acc": accuracy_score(y_test, clf.predict(X_test))})
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="experiment.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    train = pd.read_csv(cfg["train_file"], sep="\t")
    test = pd.read_csv(cfg["test_file"], sep="\t")

    # vocabulary from the pool sentences
    t = cfg["tfidf"]
    vec = TfidfVectorizer(ngram_range=tuple(t["ngram_range"]), min_df=t["min_df"],
                          sublinear_tf=t["sublinear_tf"])
    X_pool = vec.fit_transform(train["sentence"])
    X_test = vec.transform(test["sentence"])
    y_pool, y_test = train["label"].to_numpy(), test["label"].to_numpy()

    rows = []
    for strategy in cfg["strategies"]:
        for seed in cfg["seeds"]:
            rows += run_one(strategy, seed, X_pool, y_pool, X_test, y_test, cfg)
            print(rows[-1])

    res = pd.DataFrame(rows)
    Path(cfg["results"]).parent.mkdir(parents=True, exist_ok=True)
    res.to_csv(cfg["results"], index=False)
    print(res.groupby(["strategy", "n_labeled"])["test_acc"].agg(["mean", "std"]).unstack(0).round(4))


if __name__ == "__main__":
    main()
