import json
import os

import numpy as np
import pandas as pd
import yaml
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score

from features import load_table, log_target, to_matrix


def main(cfg_path="config.yaml"):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)
    dcfg, fcfg, mcfg = cfg["data"], cfg["features"], cfg["model"]
    np.random.seed(mcfg["seed"])

    df = load_table(dcfg["path"], dcfg["min_year"])
    is_test = df["year"].isin(dcfg["test_years"])
    train_df, test_df = df[~is_test], df[is_test]
    print(f"train {len(train_df)} rows ({train_df.year.min()}-{train_df.year.max()}), test {len(test_df)} rows")

    X_train = to_matrix(train_df, fcfg["numeric"], fcfg["categorical"])
    X_test = to_matrix(test_df, fcfg["numeric"], fcfg["categorical"])
    y_train = log_target(train_df[dcfg["target"]])
    y_test = log_target(test_df[dcfg["target"]])

    model = xgb.XGBRegressor(
        n_estimators=mcfg["n_estimators"],
        learning_rate=mcfg["learning_rate"],
        max_depth=mcfg["max_depth"],
        subsample=mcfg["subsample"],
        colsample_bytree=mcfg["colsample_bytree"],
        min_child_weight=mcfg["min_child_weight"],
        reg_lambda=mcfg["reg_lambda"],
        early_stopping_rounds=mcfg["early_stopping_rounds"],
        enable_categorical=True,
        tree_method="hist",
        random_state=mcfg["seed"],
    )
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_train, y_train), (X_test, y_test)],
        verbose=200,
    )
    print("best iteration:", model.best_iteration)

    pred_log = model.predict(X_test)
    pred_ha = np.expm1(pred_log).clip(min=0)
    metrics = {
        "r2_log": float(r2_score(y_test, pred_log)),
        "mae_log": float(mean_absolute_error(y_test, pred_log)),
        "mae_ha": float(mean_absolute_error(test_df[dcfg["target"]], pred_ha)),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(metrics, indent=2))

    os.makedirs(cfg["output_dir"], exist_ok=True)
    model.save_model(os.path.join(cfg["output_dir"], "model.json"))
    with open(os.path.join(cfg["output_dir"], "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
