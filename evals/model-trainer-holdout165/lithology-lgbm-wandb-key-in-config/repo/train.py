import argparse

import lightgbm as lgb
import wandb
import yaml
from sklearn.metrics import accuracy_score, f1_score

from data import load_force, split_by_well


def main(cfg):
    d = cfg["data"]
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = load_force(d["train_csv"], d["sep"], d["target"], d["logs"])
    train, val, test = split_by_well(df, d["test_size"], d["val_size"], cfg["seed"])
    feats = d["logs"] + ["GROUP", "DEPTH_MD"]
    print(f"wells train/val/test: {train.WELL.nunique()}/{val.WELL.nunique()}/{test.WELL.nunique()}")

    params = dict(cfg["lgbm"])
    es_rounds = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(objective="multiclass", random_state=cfg["seed"], verbose=-1, **params)
    model.fit(
        train[feats], train[d["target"]],
        eval_set=[(val[feats], val[d["target"]])],
        callbacks=[lgb.early_stopping(es_rounds), lgb.log_evaluation(200)],
    )

    pred = model.predict(test[feats])
    metrics = {
        "test/accuracy": accuracy_score(test[d["target"]], pred),
        "test/macro_f1": f1_score(test[d["target"]], pred, average="macro"),
        "best_iteration": model.best_iteration_,
    }
    print(metrics)
    wandb.log(metrics)

    if cfg["wandb"]["log_model"]:
        model.booster_.save_model("lgbm.txt")
        art = wandb.Artifact("lgbm-lithology", type="model")
        art.add_file("lgbm.txt")
        run.log_artifact(art)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    main(yaml.safe_load(open(args.config)))
