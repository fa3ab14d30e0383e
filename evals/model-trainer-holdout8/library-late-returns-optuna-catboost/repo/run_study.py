import argparse
import json
import logging

import optuna
from catboost import Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from loans.dataset import FEATURES, load, split_members
from loans.search import build_model, make_objective

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("late-returns")


def main():
    ap = argparse.ArgumentParser(description="Tune + fit the late-return model")
    ap.add_argument("--conf", default="conf/params.json")
    args = ap.parse_args()
    conf = json.load(open(args.conf))

    df = load(conf)
    learn, check = split_members(df, conf)
    log.info("learn=%d check=%d late-rate=%.3f", len(learn), len(check), learn[conf["target"]].mean())

    sampler = optuna.samplers.TPESampler(seed=conf["seed"])
    study = optuna.create_study(direction="maximize", sampler=sampler, study_name="late-returns")
    study.optimize(make_objective(learn, check, conf), n_trials=conf["n_trials"])
    log.info("best trial %d: %s", study.best_trial.number, study.best_params)

    final = build_model(study.best_params, conf)
    final.fit(Pool(learn[FEATURES], learn[conf["target"]], cat_features=conf["cat_features"]))
    p = final.predict_proba(Pool(check[FEATURES], cat_features=conf["cat_features"]))[:, 1]
    y = check[conf["target"]]
    prior = learn[conf["target"]].mean()
    metrics = {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
        "brier_prior_baseline": brier_score_loss(y, [prior] * len(y)),
        "pr_auc_prior_baseline": float(y.mean()),
    }
    log.info("held-out metrics: %s", metrics)
    final.save_model("late_returns.cbm")
    json.dump(metrics, open("metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
