"""Tune the lead-conversion LightGBM model with Optuna.

Trials are scored on the validation split (with early stopping on the same split).
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import optuna
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from src.data import NUMERIC, load_leads, three_way_split, xy

params_cfg = yaml.safe_load(Path("params.yaml").read_text())
SEED = params_cfg["seed"]
TARGET = params_cfg["target"]


def fit_lgbm(params, X_tr, y_tr, X_va, y_va):
    model = lgb.LGBMClassifier(
        objective="binary", n_estimators=5000, random_state=SEED, verbose=-1, **params
    )
    model.fit(
        X_tr, y_tr, eval_set=[(X_va, y_va)], eval_metric="average_precision",
        callbacks=[lgb.early_stopping(params_cfg["early_stopping_rounds"], verbose=False)],
    )
    return model


def objective(trial, X_tr, y_tr, X_va, y_va):
    params = {
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 8, 128, log=True),
        "min_child_samples": trial.suggest_int("min_child_samples", 10, 200, log=True),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "subsample_freq": 1,
        "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 30.0, log=True),
    }
    model = fit_lgbm(params, X_tr, y_tr, X_va, y_va)
    trial.set_user_attr("best_iteration", model.best_iteration_)
    return average_precision_score(y_va, model.predict_proba(X_va)[:, 1])


def scores(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "log_loss": log_loss(y, np.clip(p, 1e-6, 1 - 1e-6))}


def main():
    df = load_leads(params_cfg["data_path"])
    train, valid, test = three_way_split(df, TARGET, SEED)
    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = xy(train, TARGET), xy(valid, TARGET), xy(test, TARGET)

    study = optuna.create_study(direction="maximize",
                                sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(lambda t: objective(t, X_tr, y_tr, X_va, y_va), n_trials=params_cfg["n_trials"])
    print(f"best valid PR-AUC {study.best_value:.4f} at trial {study.best_trial.number}")

    model = fit_lgbm({**study.best_params, "subsample_freq": 1}, X_tr, y_tr, X_va, y_va)
    logreg = LogisticRegression(max_iter=3000, class_weight="balanced")
    logreg.fit(X_tr[NUMERIC].fillna(0), y_tr)
    dummy = DummyClassifier(strategy="prior").fit(X_tr, y_tr)

    report = {
        "lightgbm": scores(y_te, model.predict_proba(X_te)[:, 1]),
        "logreg_numeric": scores(y_te, logreg.predict_proba(X_te[NUMERIC].fillna(0))[:, 1]),
        "prior": scores(y_te, dummy.predict_proba(X_te)[:, 1]),
        "best_params": study.best_params,
        "best_iteration": model.best_iteration_,
    }
    print(json.dumps(report, indent=2, default=float))

    out = Path(params_cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm.txt"), num_iteration=model.best_iteration_)
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
