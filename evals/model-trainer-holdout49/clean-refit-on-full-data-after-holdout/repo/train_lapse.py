"""Select CatBoost hyperparameters, evaluate once on a holdout, then refit for production.

The production model is trained on all labelled policies with the selected
hyperparameters.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from lapse.prep import CAT_FEATURES, NUM_FEATURES, prepare


def evaluate(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main(config_path="configs/lapse.json"):
    cfg = json.loads(Path(config_path).read_text())
    seed = cfg["seed"]
    raw = pd.read_csv(cfg["data"])
    X, y = prepare(raw), raw["lapsed_12m"].astype(int)

    X_train, X_hold, y_train, y_hold = train_test_split(
        X, y, test_size=cfg["holdout_size"], stratify=y, random_state=seed
    )

    base = CatBoostClassifier(loss_function="Logloss", iterations=cfg["iterations"],
                              random_seed=seed, verbose=0, cat_features=CAT_FEATURES)
    search = base.randomized_search(
        cfg["search_space"], Pool(X_train, y_train, cat_features=CAT_FEATURES),
        cv=5, n_iter=cfg["n_iter"], stratified=True, shuffle=True,
        partition_random_seed=seed, refit=True, verbose=False,
    )
    best_params = search["params"]
    cv_table = pd.DataFrame(search["cv_results"])
    best_iters = int(cv_table["test-Logloss-mean"].idxmin()) + 1

    num_fill = X_train[NUM_FEATURES].median()
    logreg = LogisticRegression(max_iter=3000).fit(X_train[NUM_FEATURES].fillna(num_fill), y_train)
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)

    holdout = {
        "catboost": evaluate(y_hold, base.predict_proba(X_hold)[:, 1]),
        "logreg_numeric": evaluate(y_hold, logreg.predict_proba(X_hold[NUM_FEATURES].fillna(num_fill))[:, 1]),
        "prior": evaluate(y_hold, dummy.predict_proba(X_hold)[:, 1]),
    }
    print(pd.DataFrame(holdout).T.round(4).to_string())

    production = CatBoostClassifier(loss_function="Logloss", iterations=best_iters,
                                    random_seed=seed, verbose=0, cat_features=CAT_FEATURES,
                                    **best_params)
    production.fit(X, y)

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    production.save_model(str(out / "lapse_catboost.cbm"))
    (out / "model_card.json").write_text(json.dumps({
        "params": best_params, "iterations": best_iters,
        "holdout_estimate": holdout, "trained_on_rows": int(len(X)),
        "positive_rate": float(np.mean(y)),
    }, indent=2, default=float))


if __name__ == "__main__":
    main(*sys.argv[1:])
