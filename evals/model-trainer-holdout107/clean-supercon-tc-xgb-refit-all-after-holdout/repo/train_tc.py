"""Critical temperature of superconductors (SuperCon) from Magpie composition features.

1. hold out 20% of chemical systems, 2. tune XGBoost with grouped CV on the rest,
3. report hold-out metrics once, 4. refit the chosen configuration on every entry for the
screening service.
"""
import argparse
import json
import os
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import wandb
from scipy.stats import loguniform, randint, uniform
from sklearn.base import clone
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, RandomizedSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBRegressor

SEED = 2718


def metrics(y_true, y_pred):
    return {
        "mae_K": float(mean_absolute_error(y_true, y_pred)),
        "rmse_K": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main(args):
    use_wandb = "WANDB_API_KEY" in os.environ
    if use_wandb:
        wandb.login(key=os.environ["WANDB_API_KEY"])
        run = wandb.init(project="supercon-tc", config={"seed": SEED, "n_iter": args.n_iter})

    df = pd.read_csv(args.features)
    feature_cols = [c for c in df.columns if c.startswith("MagpieData")]
    X, y, groups = df[feature_cols].to_numpy(), df["critical_temp"].to_numpy(), df["chemsys"].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, te = next(outer.split(X, y, groups))

    space = {
        "n_estimators": randint(300, 1500),
        "learning_rate": loguniform(0.01, 0.2),
        "max_depth": randint(4, 11),
        "min_child_weight": randint(1, 10),
        "subsample": uniform(0.6, 0.4),
        "colsample_bytree": uniform(0.4, 0.6),
        "reg_lambda": loguniform(0.1, 10),
    }
    search = RandomizedSearchCV(
        XGBRegressor(tree_method="hist", random_state=SEED, n_jobs=4),
        space,
        n_iter=args.n_iter,
        cv=GroupKFold(n_splits=5),
        scoring="neg_mean_absolute_error",
        random_state=SEED,
        n_jobs=2,
    )
    search.fit(X[tr], y[tr], groups=groups[tr])

    ridge = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 11))).fit(X[tr], y[tr])
    dummy = DummyRegressor(strategy="mean").fit(X[tr], y[tr])
    report = {
        "best_params": {k: float(v) for k, v in search.best_params_.items()},
        "cv_mae_K": float(-search.best_score_),
        "holdout": {
            "xgb": metrics(y[te], search.predict(X[te])),
            "ridge": metrics(y[te], ridge.predict(X[te])),
            "mean": metrics(y[te], dummy.predict(X[te])),
        },
    }
    print(json.dumps(report, indent=2))

    final_model = clone(search.best_estimator_).fit(X, y)

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": final_model, "features": feature_cols}, out / "xgb_tc_all_data.joblib")
    (out / "holdout_report.json").write_text(json.dumps(report, indent=2))
    if use_wandb:
        run.log({"holdout_mae_K": report["holdout"]["xgb"]["mae_K"], "cv_mae_K": report["cv_mae_K"]})
        run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default="data/supercon_magpie.csv")
    ap.add_argument("--out-dir", default="artifacts/tc")
    ap.add_argument("--n-iter", type=int, default=40)
    main(ap.parse_args())
