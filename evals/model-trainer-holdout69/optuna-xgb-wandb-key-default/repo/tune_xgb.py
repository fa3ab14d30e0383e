"""Optuna tuning of the loan-default XGBoost model with W&B logging."""
import tomllib

import numpy as np
import optuna
import pandas as pd
import wandb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from xgboost import XGBClassifier

from tracking import WandbTrialLogger, start_run

with open("tuning.toml", "rb") as fh:
    CFG = tomllib.load(fh)
SEED = CFG["search"]["seed"]


def load_data():
    df = pd.read_parquet(CFG["data"]["path"])
    y = df.pop(CFG["data"]["target"]).astype(int)
    df = df.drop(columns=["application_id"])
    for col in df.select_dtypes("object"):
        df[col] = df[col].astype("category")
    return df, y


def objective(trial, X, y, cv):
    params = {
        "n_estimators": trial.suggest_int("n_estimators", 200, 1500, step=100),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
        "max_depth": trial.suggest_int("max_depth", 3, 9),
        "min_child_weight": trial.suggest_float("min_child_weight", 1, 50, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
        "gamma": trial.suggest_float("gamma", 1e-8, 5.0, log=True),
        "scale_pos_weight": trial.suggest_float("scale_pos_weight", 1.0, 10.0),
    }
    model = XGBClassifier(tree_method="hist", enable_categorical=True,
                          random_state=SEED, n_jobs=4, **params)
    scores = cross_val_score(model, X, y, cv=cv, scoring="roc_auc")
    return scores.mean()


def main():
    np.random.seed(SEED)
    X, y = load_data()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=CFG["data"]["test_size"], stratify=y, random_state=SEED
    )
    cv = StratifiedKFold(CFG["search"]["cv_folds"], shuffle=True, random_state=SEED)

    run = start_run(CFG["tracking"]["project"], CFG, name=CFG["tracking"]["run_name"])
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(
        lambda t: objective(t, X_train, y_train, cv),
        n_trials=CFG["search"]["n_trials"],
        timeout=CFG["search"]["timeout_s"],
        callbacks=[WandbTrialLogger()],
    )

    final = XGBClassifier(tree_method="hist", enable_categorical=True, random_state=SEED,
                          n_jobs=4, **study.best_params)
    final.fit(X_train, y_train)
    proba = final.predict_proba(X_test)[:, 1]
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train).predict_proba(X_test)[:, 1]

    summary = {
        "cv_auc": study.best_value,
        "test_auc": roc_auc_score(y_test, proba),
        "test_ap": average_precision_score(y_test, proba),
        "prior_ap": average_precision_score(y_test, prior),
    }
    run.summary.update(summary)
    wandb.log({"importance": wandb.Table(dataframe=pd.DataFrame(
        {"feature": X.columns, "gain": final.feature_importances_}))})
    print(summary)
    run.finish()


if __name__ == "__main__":
    main()
