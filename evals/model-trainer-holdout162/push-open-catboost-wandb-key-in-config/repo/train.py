import argparse

import wandb
import yaml
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from data import load, split_weeks, to_pool


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = load(cfg)
    d = cfg["data"]
    train, valid, test = split_weeks(df, cfg)
    print({k: len(v) for k, v in {"train": train, "valid": valid, "test": test}.items()})

    params = dict(cfg["catboost"])
    model = CatBoostClassifier(**params, eval_metric="AUC", verbose=200)
    model.fit(to_pool(train, cfg), eval_set=to_pool(valid, cfg), use_best_model=True)

    p = model.predict_proba(to_pool(test, cfg))[:, 1]
    y = test[d["label"]]
    metrics = {
        "test/roc_auc": roc_auc_score(y, p),
        "test/pr_auc": average_precision_score(y, p),
        "test/logloss": log_loss(y, p),
        "best_iteration": model.get_best_iteration(),
    }
    print(metrics)
    wandb.log(metrics)

    model.save_model("push_open.cbm")
    if cfg["wandb"]["log_model"]:
        art = wandb.Artifact("push-open-catboost", type="model")
        art.add_file("push_open.cbm")
        run.log_artifact(art)
    run.finish()


if __name__ == "__main__":
    main()
