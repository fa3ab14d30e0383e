"""Train a LightGBM churn model with target-encoded categoricals.

python train.py --config config.yaml
"""
import argparse

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from bankchurn.evaluate import best_f1_threshold, report
from bankchurn.features import basic_features, frequency_encode, smoothed_target_encode


def main(cfg):
    seed = cfg["seed"]
    target = cfg["target"]
    df = pd.read_csv(cfg["data_path"]).drop(columns=cfg["drop_cols"])
    print(df[target].value_counts(normalize=True).round(3).to_dict())

    df = basic_features(df)
    df = frequency_encode(df, ["Surname"])
    df = smoothed_target_encode(df, cfg["te_cols"], target, smoothing=cfg["te_smoothing"])
    df["Geography"] = df["Geography"].astype("category")
    df = df.drop(columns=["Surname"])

    X = df.drop(columns=[target])
    y = df[target]
    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_trval, y_trval, test_size=cfg["valid_size"], stratify=y_trval, random_state=seed)

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], eval_metric="auc",
              callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)])

    num_cols = X.select_dtypes("number").columns
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_train[num_cols], y_train)

    thr = best_f1_threshold(y_valid, model.predict_proba(X_valid)[:, 1])
    thr_base = best_f1_threshold(y_valid, baseline.predict_proba(X_valid[num_cols])[:, 1])
    report("logreg", y_test, baseline.predict_proba(X_test[num_cols])[:, 1], thr_base)
    report("lightgbm", y_test, model.predict_proba(X_test)[:, 1], thr)

    model.booster_.save_model("lgbm_churn.txt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        main(yaml.safe_load(f))
