"""Estimate FAO-56 Penman-Monteith ET0 from temperature only, for agromet stations without
humidity, wind or radiation sensors. Targets are Penman-Monteith ET0 from fully equipped stations.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from et0.physics import extraterrestrial_radiation, hargreaves_samani

cfg = json.loads(Path("settings.json").read_text())


def prepare(path):
    df = pd.read_csv(path, parse_dates=["date"]).sort_values(["station_id", "date"])
    doy = df["date"].dt.dayofyear
    df["ra_mj"] = extraterrestrial_radiation(df["lat"], doy)
    df["tmean"] = (df["tmax"] + df["tmin"]) / 2
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    by_stn = df.groupby("station_id")
    df["tmax_lag1"] = by_stn["tmax"].shift(1)
    df["tmin_lag1"] = by_stn["tmin"].shift(1)
    return df.dropna(subset=cfg["features"] + [cfg["target"]])


def metrics(obs, pred):
    return {"mae": mean_absolute_error(obs, pred), "rmse": mean_squared_error(obs, pred) ** 0.5,
            "r2": r2_score(obs, pred), "bias": float(np.mean(pred - obs))}


def main():
    df = prepare(cfg["data"])
    feats, target = cfg["features"], cfg["target"]
    train = df[df["date"] <= cfg["train_end"]]
    valid = df[(df["date"] > cfg["train_end"]) & (df["date"] <= cfg["valid_end"])]
    test = df[df["date"] > cfg["valid_end"]]

    params = dict(cfg["xgb"], random_state=cfg["seed"], tree_method="hist")
    model = xgb.XGBRegressor(**params)
    model.fit(train[feats], train[target], eval_set=[(valid[feats], valid[target])], verbose=500)
    best_n = model.best_iteration + 1

    report = {
        "xgb": metrics(test[target], model.predict(test[feats])),
        "hargreaves_samani": metrics(test[target], hargreaves_samani(test["tmax"], test["tmin"], test["ra_mj"])),
        "best_n_estimators": best_n,
    }
    print(json.dumps(report, indent=2))

    # production model: same settings and number of trees, refitted on every year available
    final_params = {k: v for k, v in params.items() if k != "early_stopping_rounds"}
    final_params["n_estimators"] = best_n
    final = xgb.XGBRegressor(**final_params)
    final.fit(df[feats], df[target])

    out = Path(cfg["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    final.save_model(out / "et0_xgb_all_years.json")
    (out / "holdout_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
