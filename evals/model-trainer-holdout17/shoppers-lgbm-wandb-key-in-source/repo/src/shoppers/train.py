import argparse
import logging

import lightgbm as lgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from shoppers.data import TARGET, load, three_way_split
from shoppers.tracking import log_metrics, start_run

log = logging.getLogger(__name__)

DEFAULTS = {
    "seed": 17,
    "n_estimators": 4000,
    "learning_rate": 0.02,
    "num_leaves": 31,
    "min_child_samples": 40,
    "colsample_bytree": 0.8,
    "subsample": 0.8,
    "subsample_freq": 1,
    "early_stopping": 200,
}


def evaluate(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "log_loss": log_loss(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/online_shoppers_intention.csv")
    ap.add_argument("--no-wandb", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = dict(DEFAULTS)

    df = load(args.data)
    train, valid, test = three_way_split(df, cfg["seed"])
    feats = [c for c in df.columns if c != TARGET]

    run = None if args.no_wandb else start_run(cfg, tags=["lgbm"])

    prior = DummyClassifier(strategy="prior").fit(train[feats], train[TARGET])
    model = lgb.LGBMClassifier(
        n_estimators=cfg["n_estimators"], learning_rate=cfg["learning_rate"],
        num_leaves=cfg["num_leaves"], min_child_samples=cfg["min_child_samples"],
        colsample_bytree=cfg["colsample_bytree"], subsample=cfg["subsample"],
        subsample_freq=cfg["subsample_freq"], random_state=cfg["seed"], verbose=-1,
    )
    model.fit(
        train[feats], train[TARGET],
        eval_set=[(valid[feats], valid[TARGET])], eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping"], verbose=False)],
    )

    results = {
        "prior": evaluate(test[TARGET], prior.predict_proba(test[feats])[:, 1]),
        "lgbm": evaluate(test[TARGET], model.predict_proba(test[feats])[:, 1]),
    }
    log.info("best_iteration=%d results=%s", model.best_iteration_, results)
    if run is not None:
        for name, metrics in results.items():
            log_metrics(run, metrics, prefix=f"test/{name}/")
        run.finish()


if __name__ == "__main__":
    main()
