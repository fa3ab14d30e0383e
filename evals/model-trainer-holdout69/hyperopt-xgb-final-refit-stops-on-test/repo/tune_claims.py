"""Hyperopt search for the claim-severity XGBoost regressor.

The target is log1p(claim_amount); metrics are reported back on the original scale.
"""
import json
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
from hyperopt.pyll import scope
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

SEED = 2024
DATA_PATH = Path("data/claims_severity.parquet")
OUT_DIR = Path("artifacts/claims_xgb")

SPACE = {
    "eta": hp.loguniform("eta", np.log(0.005), np.log(0.2)),
    "max_depth": scope.int(hp.quniform("max_depth", 3, 10, 1)),
    "min_child_weight": hp.loguniform("min_child_weight", np.log(1), np.log(64)),
    "subsample": hp.uniform("subsample", 0.5, 1.0),
    "colsample_bytree": hp.uniform("colsample_bytree", 0.4, 1.0),
    "lambda": hp.loguniform("lambda", np.log(1e-3), np.log(30)),
    "alpha": hp.loguniform("alpha", np.log(1e-3), np.log(10)),
}


def load():
    df = pd.read_parquet(DATA_PATH)
    df = df[df["claim_amount"] > 0].copy()
    y = np.log1p(df.pop("claim_amount").to_numpy())
    df = df.drop(columns=["claim_id", "policy_id"])
    for col in df.select_dtypes("object"):
        df[col] = df[col].astype("category")
    return df, y


def cv_objective(params, dtrain):
    booster_params = {
        **params,
        "objective": "reg:squarederror",
        "eval_metric": "rmse",
        "tree_method": "hist",
        "seed": SEED,
    }
    result = xgb.cv(
        booster_params,
        dtrain,
        num_boost_round=3000,
        nfold=5,
        early_stopping_rounds=100,
        seed=SEED,
        verbose_eval=False,
    )
    rmse = result["test-rmse-mean"].iloc[-1]
    return {"loss": rmse, "status": STATUS_OK, "n_rounds": len(result)}


def main():
    X, y = load()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    dtrain = xgb.DMatrix(X_train, label=y_train, enable_categorical=True)

    trials = Trials()
    best = fmin(
        fn=partial(cv_objective, dtrain=dtrain),
        space=SPACE,
        algo=tpe.suggest,
        max_evals=60,
        trials=trials,
        rstate=np.random.default_rng(SEED),
    )
    best["max_depth"] = int(best["max_depth"])
    print("best params:", best)
    print("cv rmse (log scale):", min(trials.losses()))

    model = xgb.XGBRegressor(
        n_estimators=5000,
        learning_rate=best.pop("eta"),
        reg_lambda=best.pop("lambda"),
        reg_alpha=best.pop("alpha"),
        early_stopping_rounds=100,
        tree_method="hist",
        enable_categorical=True,
        random_state=SEED,
        **best,
    )
    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=500)

    pred = np.expm1(model.predict(X_test))
    truth = np.expm1(y_test)
    baseline = np.full_like(truth, np.expm1(np.median(y_train)))
    metrics = {
        "best_iteration": int(model.best_iteration),
        "mae": mean_absolute_error(truth, pred),
        "rmse": mean_squared_error(truth, pred, squared=False),
        "r2_log": r2_score(y_test, np.log1p(pred)),
        "baseline_mae": mean_absolute_error(truth, baseline),
        "baseline_rmse": mean_squared_error(truth, baseline, squared=False),
    }
    print(json.dumps(metrics, indent=2))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    model.save_model(OUT_DIR / "model.json")
    (OUT_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
