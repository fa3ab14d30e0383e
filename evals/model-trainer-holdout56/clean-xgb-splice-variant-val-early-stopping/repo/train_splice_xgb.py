"""Splice-disruption classifier for variants with RNA-seq validation (clinical exome follow-up)."""
import os
import sys

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
import yaml
from sklearn.metrics import (average_precision_score, precision_score, recall_score, roc_auc_score,
                             roc_curve)
from sklearn.model_selection import train_test_split


def threshold_for_sensitivity(y, p, target):
    fpr, tpr, thr = roc_curve(y, p)
    ok = np.flatnonzero(tpr >= target)
    return float(thr[ok[0]])


def scores(y, p, thr):
    pred = (p >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "sensitivity": recall_score(y, pred), "ppv": precision_score(y, pred, zero_division=0),
            "specificity": recall_score(1 - y, 1 - pred)}


def main(cfg_path="train.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["seed"]
    np.random.seed(seed)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    df = pd.read_parquet(cfg["data"])
    X, y = df[cfg["features"]], df[cfg["label"]].astype(int).to_numpy()
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=cfg["val_size"] / (1 - cfg["test_size"]), stratify=y_tmp,
        random_state=seed)

    params = dict(cfg["xgb"], objective="binary:logistic", eval_metric="aucpr",
                  tree_method="hist", random_state=seed)
    model = xgb.XGBClassifier(**params)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=500)

    thr = threshold_for_sensitivity(y_val, model.predict_proba(X_val)[:, 1], cfg["target_sensitivity"])
    test_metrics = {"xgb": scores(y_test, model.predict_proba(X_test)[:, 1], thr)}

    # reference: SpliceAI delta score alone at the commonly used 0.2 cut-off
    test_metrics["spliceai_0.2"] = scores(y_test, X_test["spliceai_ds_max"].to_numpy(), 0.2)
    for name, m in test_metrics.items():
        print(name, {k: round(v, 3) for k, v in m.items()})
        wandb.log({f"test/{name}/{k}": v for k, v in m.items()})

    # deployment model: same hyper-parameters and number of trees, all labelled variants
    n_trees = model.best_iteration + 1
    final_params = {k: v for k, v in params.items() if k != "early_stopping_rounds"}
    final_params["n_estimators"] = n_trees
    final = xgb.XGBClassifier(**final_params).fit(X, y)
    os.makedirs("models", exist_ok=True)
    final.save_model("models/splice_xgb_final.json")
    with open("models/threshold.txt", "w") as fh:
        fh.write(f"{thr}\n")
    run.summary["n_trees"] = n_trees
    run.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
