"""Optuna search for the inbound lead scoring model."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import optuna
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from leadscore.data import load_leads, make_splits


def build_objective(splits, space, seed):
    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": 3000,
            "learning_rate": trial.suggest_float("learning_rate", *space["learning_rate"], log=True),
            "num_leaves": trial.suggest_int("num_leaves", *space["num_leaves"], log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", *space["min_child_samples"]),
            "reg_lambda": trial.suggest_float("reg_lambda", *space["reg_lambda"], log=True),
            "colsample_bytree": trial.suggest_float("colsample_bytree", *space["colsample_bytree"]),
            "subsample": 0.8,
            "subsample_freq": 1,
            "random_state": seed,
            "verbose": -1,
        }
        model = lgb.LGBMClassifier(**params)
        model.fit(
            splits.X_train, splits.y_train,
            eval_set=[(splits.X_valid, splits.y_valid)],
            eval_metric="average_precision",
            callbacks=[lgb.early_stopping(100, verbose=False)],
        )
        trial.set_user_attr("best_iteration", int(model.best_iteration_))
        proba = model.predict_proba(splits.X_holdout)[:, 1]
        return average_precision_score(splits.y_holdout, proba)

    return objective


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="conf/tune.yaml")
    parser.add_argument("--out", default="artifacts/lead_scoring")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    df = load_leads(cfg)
    splits = make_splits(df, cfg)
    print(f"train={len(splits.X_train)} valid={len(splits.X_valid)} holdout={len(splits.X_holdout)}")
    print(f"conversion rate: {splits.y_train.mean():.3%}")

    study = optuna.create_study(
        direction="maximize",
        sampler=optuna.samplers.TPESampler(seed=cfg["seed"]),
        study_name="lead_scoring_lgbm",
    )
    study.optimize(
        build_objective(splits, cfg["search_space"], cfg["seed"]),
        n_trials=cfg["n_trials"],
        timeout=cfg["timeout_s"],
    )
    best = study.best_trial
    print("best PR-AUC:", round(best.value, 4), best.params)

    final = lgb.LGBMClassifier(
        n_estimators=best.user_attrs["best_iteration"],
        subsample=0.8, subsample_freq=1, random_state=cfg["seed"], verbose=-1,
        **best.params,
    )
    final.fit(splits.X_train, splits.y_train)

    prior = DummyClassifier(strategy="prior").fit(splits.X_train, splits.y_train)
    report = {}
    for name, m in [("prior", prior), ("lgbm_tuned", final)]:
        p = m.predict_proba(splits.X_holdout)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(splits.y_holdout, p),
            "pr_auc": average_precision_score(splits.y_holdout, p),
            "log_loss": log_loss(splits.y_holdout, p),
        }
    print(json.dumps(report, indent=2))

    joblib.dump(final, out / "lgbm_tuned.joblib")
    study.trials_dataframe().to_csv(out / "optuna_trials.csv", index=False)
    with open(out / "holdout_report.json", "w") as fh:
        json.dump({"params": best.params, "metrics": report}, fh, indent=2)


if __name__ == "__main__":
    main()
