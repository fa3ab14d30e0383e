"""Train a LightGBM model on Titanic and log everything to W&B."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from titanic.features import add_features
from titanic.tracking import log_metrics, start_run


def scores(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {"accuracy": accuracy_score(y_true, pred), "f1": f1_score(y_true, pred),
            "roc_auc": roc_auc_score(y_true, proba)}


def main(config_path="config.yaml"):
    with open(config_path) as f:
        cfg = yaml.safe_load(f)
    seed = cfg["seed"]
    np.random.seed(seed)
    run = start_run(cfg["project"], cfg, tags=["lightgbm"])

    raw = pd.read_csv(cfg["data"]["train_csv"])
    X, y = add_features(raw), raw["Survived"]
    X_train, X_hold, y_train, y_hold = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=seed)
    X_valid, X_test, y_valid, y_test = train_test_split(
        X_hold, y_hold, test_size=0.5, stratify=y_hold, random_state=seed)

    params = dict(cfg["model"])
    stopping = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(random_state=seed, verbose=-1, **params)
    model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)],
              callbacks=[lgb.early_stopping(stopping), lgb.log_evaluation(100)])

    valid_proba = model.predict_proba(X_valid)[:, 1]
    thresholds = np.linspace(0.3, 0.7, 41)
    best_t = max(thresholds, key=lambda t: f1_score(y_valid, (valid_proba >= t).astype(int)))

    baseline_cols = ["Fare", "SibSp", "Parch", "FamilySize"]
    baseline = LogisticRegression(max_iter=1000)
    baseline.fit(X_train[baseline_cols].fillna(0), y_train)
    base_proba = baseline.predict_proba(X_test[baseline_cols].fillna(0))[:, 1]

    test_metrics = scores(y_test, model.predict_proba(X_test)[:, 1], best_t)
    log_metrics(run, scores(y_test, base_proba, 0.5), prefix="baseline/")
    log_metrics(run, test_metrics, prefix="test/")
    run.summary["threshold"] = best_t
    print(f"threshold={best_t:.2f} test={test_metrics}")
    model.booster_.save_model("titanic_lgbm.txt")
    run.finish()


if __name__ == "__main__":
    main()
