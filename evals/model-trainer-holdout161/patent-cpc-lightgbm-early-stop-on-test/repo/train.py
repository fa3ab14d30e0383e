import argparse
import json
import logging

import lightgbm as lgb
import neptune
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.preprocessing import LabelEncoder

from features import TextFeaturizer, add_length_features, build_matrix

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("cpc")


def load(cfg):
    df = pd.read_parquet(cfg["data"]["path"])
    df["filing_year"] = pd.to_datetime(df["filing_date"]).dt.year
    df = df.dropna(subset=[cfg["data"]["label_col"]])
    return add_length_features(df)


def main(cfg_path: str):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    seed = cfg["seed"]
    np.random.seed(seed)

    run = neptune.init_run(
        project=cfg["tracking"]["project"],
        api_token=cfg["tracking"]["api_token"],
        tags=["lgbm", "cpc-section"],
    )
    run["config"] = cfg

    df = load(cfg)
    label = cfg["data"]["label_col"]
    text_cols = cfg["data"]["text_cols"]

    train_df = df[df["filing_year"] <= cfg["split"]["train_until_year"]].reset_index(drop=True)
    test_df = df[df["filing_year"] >= cfg["split"]["test_from_year"]].reset_index(drop=True)
    log.info("train %d (%d-%d) / test %d", len(train_df), train_df.filing_year.min(),
             train_df.filing_year.max(), len(test_df))

    le = LabelEncoder().fit(train_df[label])
    y_train = le.transform(train_df[label])
    y_test = le.transform(test_df[label])

    feat = TextFeaturizer(
        cfg["features"]["tfidf_max_features"], cfg["features"]["svd_components"], seed
    ).fit(train_df, text_cols)
    X_train = build_matrix(feat.transform(train_df, text_cols), train_df)
    X_test = build_matrix(feat.transform(test_df, text_cols), test_df)

    p = cfg["lgbm"]
    model = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=p["n_estimators"],
        learning_rate=p["learning_rate"],
        num_leaves=p["num_leaves"],
        min_child_samples=p["min_child_samples"],
        colsample_bytree=p["colsample_bytree"],
        subsample=p["subsample"],
        subsample_freq=p["subsample_freq"],
        reg_lambda=p["reg_lambda"],
        random_state=seed,
        n_jobs=-1,
    )
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="multi_logloss",
        callbacks=[
            lgb.early_stopping(p["early_stopping_rounds"]),
            lgb.log_evaluation(200),
        ],
    )

    proba = model.predict_proba(X_test)
    pred = proba.argmax(axis=1)
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "accuracy": accuracy_score(y_test, pred),
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "logloss": log_loss(y_test, proba),
    }
    log.info("test metrics: %s", json.dumps(metrics, indent=2))
    run["test"] = metrics
    model.booster_.save_model("artifacts/cpc_section_lgbm.txt")
    run.stop()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
