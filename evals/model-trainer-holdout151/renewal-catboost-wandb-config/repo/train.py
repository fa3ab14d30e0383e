import argparse

import pandas as pd
import wandb
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from features import CAT_FEATURES, NUM_FEATURES, prepare


def main(cfg):
    seed = cfg["experiment"]["seed"]
    dcfg = cfg["data"]

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(
        project=cfg["wandb"]["project"],
        entity=cfg["wandb"]["entity"],
        name=cfg["experiment"]["name"],
        tags=cfg["wandb"]["tags"],
        config={**cfg["catboost"], **dcfg},
    )

    df = prepare(pd.read_parquet(dcfg["path"]))
    cols = NUM_FEATURES + CAT_FEATURES
    y = df[dcfg["target"]].astype(int)

    X_rest, X_test, y_rest, y_test = train_test_split(
        df[cols], y, test_size=dcfg["test_size"], stratify=y, random_state=seed
    )
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=dcfg["valid_size"], stratify=y_rest, random_state=seed
    )

    train_pool = Pool(X_train, y_train, cat_features=CAT_FEATURES)
    valid_pool = Pool(X_valid, y_valid, cat_features=CAT_FEATURES)
    test_pool = Pool(X_test, y_test, cat_features=CAT_FEATURES)

    model = CatBoostClassifier(**cfg["catboost"], random_seed=seed, verbose=200)
    model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

    p_test = model.predict_proba(test_pool)[:, 1]
    metrics = {
        "test/roc_auc": roc_auc_score(y_test, p_test),
        "test/pr_auc_churn": average_precision_score(1 - y_test, 1 - p_test),
        "test/logloss": log_loss(y_test, p_test),
        "best_iteration": model.get_best_iteration(),
    }
    print(metrics)
    wandb.log(metrics)

    imp = model.get_feature_importance(prettified=True)
    wandb.log({"feature_importance": wandb.Table(dataframe=imp)})
    model.save_model("renewal_catboost.cbm")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
