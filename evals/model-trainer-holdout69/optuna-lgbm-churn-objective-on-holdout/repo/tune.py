"""Optuna search for the churn LightGBM model.

Usage: python tune.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import optuna
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from data import load_frame, split


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    return p.parse_args()


def make_objective(X_tr, y_tr, X_ev, y_ev, cfg):
    def objective(trial: optuna.Trial) -> float:
        params = {
            "objective": "binary",
            "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.2, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 255, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 5, 200),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "subsample": trial.suggest_float("subsample", 0.4, 1.0),
            "subsample_freq": 1,
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-8, 10.0, log=True),
            "n_estimators": cfg["lgbm"]["n_estimators"],
            "random_state": cfg["seed"],
            "verbose": -1,
        }
        model = lgb.LGBMClassifier(**params)
        model.fit(
            X_tr,
            y_tr,
            eval_set=[(X_ev, y_ev)],
            eval_metric="auc",
            callbacks=[lgb.early_stopping(cfg["lgbm"]["early_stopping_rounds"], verbose=False)],
        )
        trial.set_user_attr("best_iteration", int(model.best_iteration_))
        proba = model.predict_proba(X_ev)[:, 1]
        return roc_auc_score(y_ev, proba)

    return objective


def main():
    args = parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)

    df = load_frame(cfg["data"]["path"])
    X_train, X_test, y_train, y_test = split(
        df, cfg["data"]["target"], cfg["data"]["test_size"], cfg["seed"]
    )
    print(f"train={len(X_train)} test={len(X_test)} churn rate={y_train.mean():.3f}")

    study = optuna.create_study(
        study_name=cfg["study"]["name"],
        storage=cfg["study"]["storage"],
        direction=cfg["study"]["direction"],
        sampler=optuna.samplers.TPESampler(seed=cfg["seed"]),
        load_if_exists=True,
    )
    objective = make_objective(X_train, y_train, X_test, y_test, cfg)
    study.optimize(objective, n_trials=cfg["study"]["n_trials"], show_progress_bar=True)

    best = study.best_trial
    n_rounds = best.user_attrs["best_iteration"]
    print(f"trial {best.number}: AUC={best.value:.4f} rounds={n_rounds}")

    final = lgb.LGBMClassifier(
        objective="binary",
        n_estimators=n_rounds,
        subsample_freq=1,
        random_state=cfg["seed"],
        verbose=-1,
        **best.params,
    )
    final.fit(X_train, y_train)
    proba = final.predict_proba(X_test)[:, 1]

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    base_proba = baseline.predict_proba(X_test)[:, 1]

    report = {
        "params": best.params,
        "n_estimators": n_rounds,
        "test_roc_auc": roc_auc_score(y_test, proba),
        "test_average_precision": average_precision_score(y_test, proba),
        "test_brier": brier_score_loss(y_test, proba),
        "baseline_average_precision": average_precision_score(y_test, base_proba),
        "baseline_brier": brier_score_loss(y_test, base_proba),
    }
    for k, v in report.items():
        if isinstance(v, float):
            print(f"{k:>28}: {v:.4f}")

    out = Path(cfg["output"]["params"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
