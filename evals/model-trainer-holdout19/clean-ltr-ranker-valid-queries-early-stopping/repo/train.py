"""Learning-to-rank for the marketplace search: train / valid / test split by query."""
import json
import logging
from itertools import product

import lightgbm as lgb
import numpy as np
import pandas as pd

from ltr.metrics import mrr, ndcg_at
from ltr.split import split_by_query

CFG = {
    "pairs": "data/ltr_pairs.parquet",
    "seed": 21,
    "features": ["bm25", "title_match", "desc_match", "seller_rating", "log_reviews", "price_z_in_query",
                 "ctr_prior_90d", "freshness_days", "image_count", "free_shipping"],
    "grid": {"num_leaves": [31, 63], "min_child_samples": [20, 100], "learning_rate": [0.05]},
}
logging.basicConfig(level=logging.INFO)
log = logging.getLogger("ltr")


def groups(frame):
    return frame.groupby("qid", sort=False).size().to_numpy()


def fit_ranker(params, train, valid):
    model = lgb.LGBMRanker(objective="lambdarank", n_estimators=4000, subsample=0.8, subsample_freq=1,
                           colsample_bytree=0.8, random_state=CFG["seed"], verbose=-1, **params)
    model.fit(train[CFG["features"]], train["label"], group=groups(train),
              eval_set=[(valid[CFG["features"]], valid["label"])], eval_group=[groups(valid)],
              eval_at=[10], callbacks=[lgb.early_stopping(150, verbose=False)])
    return model


def main():
    np.random.seed(CFG["seed"])
    pairs = pd.read_parquet(CFG["pairs"])
    dev, test = split_by_query(pairs, 0.2, CFG["seed"])
    train, valid = split_by_query(dev, 0.2, CFG["seed"] + 1)
    train, valid, test = (f.sort_values("qid", kind="stable") for f in (train, valid, test))
    log.info("queries train=%d valid=%d test=%d", train.qid.nunique(), valid.qid.nunique(), test.qid.nunique())

    keys = list(CFG["grid"])
    trials = []
    for values in product(*CFG["grid"].values()):
        params = dict(zip(keys, values))
        model = fit_ranker(params, train, valid)
        v = valid.assign(s=model.predict(valid[CFG["features"]], num_iteration=model.best_iteration_))
        trials.append((ndcg_at(v, "s", 10), params, model))
        log.info("%s -> valid NDCG@10 %.4f (iters %d)", params, trials[-1][0], model.best_iteration_)

    best_valid, best_params, best_model = max(trials, key=lambda t: t[0])

    scored = test.assign(
        lgbm=best_model.predict(test[CFG["features"]], num_iteration=best_model.best_iteration_),
        bm25_only=test["bm25"],
        popularity=test["ctr_prior_90d"],
    )
    report = {"best_params": best_params, "valid_ndcg@10": best_valid}
    for col in ("bm25_only", "popularity", "lgbm"):
        report[col] = {"ndcg@5": ndcg_at(scored, col, 5), "ndcg@10": ndcg_at(scored, col, 10), "mrr": mrr(scored, col)}
    log.info(json.dumps(report, indent=2))
    best_model.booster_.save_model("ranker_best.txt", num_iteration=best_model.best_iteration_)


if __name__ == "__main__":
    main()
