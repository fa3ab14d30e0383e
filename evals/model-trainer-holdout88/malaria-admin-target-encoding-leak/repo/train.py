"""Fit an XGBoost model of cluster PfPR from environmental covariates and admin-unit encodings."""
import argparse
import json
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from scipy.stats import pearsonr
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from malaria_risk.data import NUMERIC_COLS, clean_covariates, load_clusters
from malaria_risk.encoding import add_admin_encodings


def report(name, y_true, y_pred, weights):
    mae = mean_absolute_error(y_true, y_pred, sample_weight=weights)
    rmse = np.sqrt(mean_squared_error(y_true, y_pred, sample_weight=weights))
    r, _ = pearsonr(y_true, y_pred)
    print(f"{name:>10}  MAE={mae:.4f}  RMSE={rmse:.4f}  r={r:.3f}")
    return {"mae": mae, "rmse": rmse, "pearson_r": r}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))

    df = clean_covariates(load_clusters(cfg["data_path"], cfg["min_tested"]))
    df = add_admin_encodings(df, target="pfpr", weight=cfg["te_weight"])
    features = NUMERIC_COLS + ["admin1_te", "admin2_te", "survey_year"]

    train_df, test_df = train_test_split(df, test_size=cfg["test_size"], random_state=cfg["seed"])
    fit_df, val_df = train_test_split(train_df, test_size=cfg["val_size"], random_state=cfg["seed"])
    print(f"fit={len(fit_df)} val={len(val_df)} test={len(test_df)} clusters")

    params = dict(cfg["xgb"])
    model = xgb.XGBRegressor(objective="reg:logistic", random_state=cfg["seed"], **params)
    model.fit(
        fit_df[features], fit_df["pfpr"],
        sample_weight=fit_df["n_tested"],
        eval_set=[(val_df[features], val_df["pfpr"])],
        sample_weight_eval_set=[val_df["n_tested"]],
        verbose=200,
    )

    results = {}
    results["global_mean"] = report(
        "baseline", test_df["pfpr"], np.full(len(test_df), np.average(fit_df["pfpr"], weights=fit_df["n_tested"])),
        test_df["n_tested"],
    )
    results["xgb"] = report("xgb", test_df["pfpr"], model.predict(test_df[features]), test_df["n_tested"])

    out = Path(cfg["output"])
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_model(out)
    with open(out.with_suffix(".metrics.json"), "w") as fh:
        json.dump({k: {m: float(v) for m, v in d.items()} for k, d in results.items()}, fh, indent=2)


if __name__ == "__main__":
    main()
