import json
import sys

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

from url_features import featurize

SEED = 404
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 63,
    "min_child_samples": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 2.0,
    "metric": "average_precision",
    "seed": SEED,
    "verbosity": -1,
}


def main(path="data/malicious_phish.csv"):
    df = pd.read_csv(path)  # url, type in {benign, phishing, defacement, malware}
    df = df[df["type"].isin(["benign", "phishing"])].drop_duplicates("url")
    df["y"] = (df["type"] == "phishing").astype(int)

    X = featurize(df["url"])
    y = df["y"]

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=SEED
    )

    dtrain = lgb.Dataset(X_train, y_train)
    dval = lgb.Dataset(X_val, y_val, reference=dtrain)
    booster = lgb.train(
        PARAMS,
        dtrain,
        num_boost_round=5000,
        valid_sets=[dval],
        valid_names=["val"],
        callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(250)],
    )
    print("best iteration:", booster.best_iteration)

    p_test = booster.predict(X_test, num_iteration=booster.best_iteration)
    metrics = {"roc_auc": roc_auc_score(y_test, p_test), "pr_auc": average_precision_score(y_test, p_test)}
    print(json.dumps(metrics, indent=2))
    print(classification_report(y_test, (p_test >= 0.5).astype(int), target_names=["benign", "phishing"], digits=4))

    booster.save_model("models/url_lgbm.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main(*sys.argv[1:])
