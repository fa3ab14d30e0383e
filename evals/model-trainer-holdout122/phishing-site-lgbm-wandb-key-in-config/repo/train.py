import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

from tracking import init_run, log_metrics


def load_data(dcfg, seed):
    df = pd.read_csv(dcfg["path"])
    y = (df[dcfg["target"]] == "phishing").astype(int)
    X = df.drop(columns=dcfg["drop"] + [dcfg["target"]])
    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=dcfg["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=dcfg["val_size"] / (1 - dcfg["test_size"]),
        stratify=y_trval, random_state=seed)
    return X_train, X_val, X_test, y_train, y_val, y_test


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    np.random.seed(cfg["seed"])

    run = init_run(cfg)
    X_train, X_val, X_test, y_train, y_val, y_test = load_data(cfg["data"], cfg["seed"])

    p = dict(cfg["lgbm"])
    rounds = p.pop("num_boost_round")
    es = p.pop("early_stopping_rounds")
    p.update(seed=cfg["seed"], verbose=-1, metric="auc")

    dtrain = lgb.Dataset(X_train, y_train)
    dval = lgb.Dataset(X_val, y_val, reference=dtrain)
    booster = lgb.train(p, dtrain, num_boost_round=rounds, valid_sets=[dval],
                        callbacks=[lgb.early_stopping(es), lgb.log_evaluation(200)])

    proba = booster.predict(X_test, num_iteration=booster.best_iteration)
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "test/auc": roc_auc_score(y_test, proba),
        "test/accuracy": accuracy_score(y_test, pred),
        "test/precision": precision_score(y_test, pred),
        "test/recall": recall_score(y_test, pred),
        "test/f1": f1_score(y_test, pred),
        "best_iteration": booster.best_iteration,
    }
    for k, v in metrics.items():
        print(f"{k:>16}: {v:.4f}" if isinstance(v, float) else f"{k:>16}: {v}")
    log_metrics(run, metrics)
    booster.save_model(f"models/{cfg['experiment']}.txt")
    if run is not None:
        run.finish()


if __name__ == "__main__":
    main()
