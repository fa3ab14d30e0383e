import argparse

import lightgbm as lgb
import wandb
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from dataset import feature_list, load_feeder_days, time_split


def scores(y, p):
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    df = load_feeder_days(cfg)
    feats, target = feature_list(cfg), cfg["target"]
    train, val, test = time_split(df, cfg)
    print(f"train {len(train)}  val {len(val)}  test {len(test)} feeder-days")

    model = lgb.LGBMClassifier(**cfg["lgbm"])
    model.fit(
        train[feats], train[target],
        eval_set=[(val[feats], val[target])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    val_scores = scores(val[target], model.predict_proba(val[feats])[:, 1])
    test_scores = scores(test[target], model.predict_proba(test[feats])[:, 1])
    print("val ", val_scores)
    print("test", test_scores)
    run.log({f"val/{k}": v for k, v in val_scores.items()})
    run.log({f"test/{k}": v for k, v in test_scores.items()})
    run.summary["best_iteration"] = model.best_iteration_

    model.booster_.save_model("feeder_outage_lgbm.txt")
    run.finish()


if __name__ == "__main__":
    main()
