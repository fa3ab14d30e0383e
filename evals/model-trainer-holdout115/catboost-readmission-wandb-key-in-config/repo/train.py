import argparse

import numpy as np
import pandas as pd
import wandb
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit


def patient_split(df, frac, group_col, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df[group_col]))
    return df.iloc[a], df.iloc[b]


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    d, s = cfg["data"], cfg["split"]
    np.random.seed(s["seed"])

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["experiment"]["project"], entity=cfg["experiment"]["entity"],
                     name=cfg["experiment"]["run_name"], tags=cfg["experiment"]["tags"],
                     config=cfg, mode=cfg["wandb"]["mode"])

    df = pd.read_parquet(d["train_path"])
    df = df[df["planned_readmit"] == 0]
    for c in d["cat_features"]:
        df[c] = df[c].fillna("missing").astype(str)

    dev, test = patient_split(df, s["test_frac"], d["patient_col"], s["seed"])
    train, val = patient_split(dev, s["val_frac"], d["patient_col"], s["seed"] + 1)

    feats = d["cat_features"] + d["num_features"]
    mk = lambda part: Pool(part[feats], part[d["outcome"]], cat_features=d["cat_features"])

    model = CatBoostClassifier(**cfg["catboost"], random_seed=s["seed"], verbose=250)
    model.fit(mk(train), eval_set=mk(val), use_best_model=True)

    p = model.predict_proba(test[feats])[:, 1]
    y = test[d["outcome"]].to_numpy()
    metrics = {
        "test/auroc": roc_auc_score(y, p),
        "test/auprc": average_precision_score(y, p),
        "test/brier": brier_score_loss(y, p),
        "best_iteration": model.get_best_iteration(),
    }
    print(metrics)
    run.log(metrics)
    imp = model.get_feature_importance(prettified=True)
    run.log({"feature_importance": wandb.Table(dataframe=imp)})
    model.save_model("artifacts/catboost_readmit.cbm")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/readmit_catboost.yaml")
    main(ap.parse_args().config)
