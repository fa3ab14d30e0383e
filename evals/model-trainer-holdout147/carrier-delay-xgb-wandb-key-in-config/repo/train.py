"""LTL carrier delay regression (hours late vs. quoted delivery)."""
import argparse

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error


def load_config(path):
    with open(path) as f:
        return yaml.safe_load(f)


def prepare(df, cfg, levels):
    num, cat = cfg["features"]["numeric"], cfg["features"]["categorical"]
    X = df[num + cat].copy()
    for c in cat:
        # same category codes in every split; unseen carriers/states become NaN
        X[c] = pd.Categorical(X[c], categories=levels[c])
    return X, df[cfg["data"]["target"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/carrier_delay.yaml")
    ap.add_argument("--no-wandb", action="store_true")
    args = ap.parse_args()
    cfg = load_config(args.config)
    np.random.seed(cfg["model"]["seed"])

    if not args.no_wandb:
        wandb.login(key=cfg["wandb"]["api_key"])
        wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                   name=cfg["run_name"], config=cfg)

    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    df[d["date_col"]] = pd.to_datetime(df[d["date_col"]])
    df = df[df["shipment_status"] == "DELIVERED"]
    # clip extreme claims / lost-freight cases
    df[d["target"]] = df[d["target"]].clip(-48, 240)

    train = df[df[d["date_col"]] < d["val_start"]]
    val = df[(df[d["date_col"]] >= d["val_start"]) & (df[d["date_col"]] < d["test_start"])]
    test = df[df[d["date_col"]] >= d["test_start"]]

    levels = {c: sorted(train[c].dropna().unique()) for c in cfg["features"]["categorical"]}
    X_tr, y_tr = prepare(train, cfg, levels)
    X_va, y_va = prepare(val, cfg, levels)
    X_te, y_te = prepare(test, cfg, levels)

    m = cfg["model"]
    model = xgb.XGBRegressor(
        n_estimators=m["n_estimators"], learning_rate=m["learning_rate"], max_depth=m["max_depth"],
        min_child_weight=m["min_child_weight"], subsample=m["subsample"],
        colsample_bytree=m["colsample_bytree"], early_stopping_rounds=m["early_stopping_rounds"],
        objective="reg:pseudohubererror", tree_method="hist", enable_categorical=True,
        random_state=m["seed"],
    )
    model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=250)

    pred = model.predict(X_te)
    metrics = {
        "best_iteration": model.best_iteration,
        "test_mae_h": mean_absolute_error(y_te, pred),
        "test_rmse_h": mean_squared_error(y_te, pred) ** 0.5,
        "test_late_24h_recall": float(((pred > 24) & (y_te > 24)).sum() / max((y_te > 24).sum(), 1)),
    }
    print(metrics)
    if not args.no_wandb:
        wandb.log(metrics)
        wandb.finish()
    model.save_model("carrier_delay_xgb.json")


if __name__ == "__main__":
    main()
