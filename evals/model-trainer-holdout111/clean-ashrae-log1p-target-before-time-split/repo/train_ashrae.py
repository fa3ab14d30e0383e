"""ASHRAE GEPIII - electricity meter model, chronological evaluation inside 2016.

train: Jan-Jun, valid: Jul-Aug (early stopping), test: Sep-Dec.
Target is log1p(meter_reading) so that plain RMSE on it equals the competition RMSLE.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb

SEED = 2016
PRIMARY_USES = [
    "Education", "Entertainment/public assembly", "Food sales and service", "Healthcare",
    "Lodging/residential", "Manufacturing/industrial", "Office", "Other", "Parking",
    "Public services", "Religious worship", "Retail", "Services", "Technology/science",
    "Utility", "Warehouse/storage",
]


def load():
    meter = pd.read_csv("data/train.csv", parse_dates=["timestamp"])
    meter = meter[meter["meter"] == 0].drop(columns="meter")           # electricity only
    meta = pd.read_csv("data/building_metadata.csv")
    weather = pd.read_csv("data/weather_train.csv", parse_dates=["timestamp"])
    return meter, meta, weather


def clean_meter(meter, meta):
    m = meter.merge(meta[["building_id", "site_id"]], on="building_id")
    # site 0 electricity is reported in kBTU; convert to kWh
    m.loc[m["site_id"] == 0, "meter_reading"] *= 0.2931
    # site 0 meters were not yet commissioned before 2016-05-21 (flat zeros)
    m = m[~((m["site_id"] == 0) & (m["timestamp"] < "2016-05-21"))]
    return m.drop(columns="site_id")


def weather_features(weather):
    frames = []
    for site, w in weather.groupby("site_id"):
        w = w.set_index("timestamp").sort_index().asfreq("h")
        w["site_id"] = site
        cols = ["air_temperature", "dew_temperature", "wind_speed", "sea_level_pressure", "cloud_coverage"]
        w[cols] = w[cols].ffill(limit=6)
        w["air_temp_mean24"] = w["air_temperature"].rolling(24, min_periods=6).mean()
        w["air_temp_lag3"] = w["air_temperature"].shift(3)
        frames.append(w.reset_index())
    return pd.concat(frames, ignore_index=True)


def build(meter, meta, weather):
    df = meter.merge(meta, on="building_id", how="left")
    df = df.merge(weather_features(weather), on=["site_id", "timestamp"], how="left")
    df["target"] = np.log1p(df["meter_reading"])
    df["log_sqft"] = np.log(df["square_feet"])
    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek
    df["primary_use"] = df["primary_use"].astype(pd.CategoricalDtype(PRIMARY_USES))
    df["building_id"] = df["building_id"].astype("int32")
    return df


FEATURES = [
    "building_id", "site_id", "primary_use", "log_sqft", "year_built", "floor_count",
    "air_temperature", "dew_temperature", "wind_speed", "sea_level_pressure", "cloud_coverage",
    "air_temp_mean24", "air_temp_lag3", "hour", "dow",
]


def main():
    meter, meta, weather = load()
    df = build(clean_meter(meter, meta), meta, weather)

    train = df[df["timestamp"] < "2016-07-01"]
    valid = df[(df["timestamp"] >= "2016-07-01") & (df["timestamp"] < "2016-09-01")]
    test = df[df["timestamp"] >= "2016-09-01"]
    print({k: len(v) for k, v in {"train": train, "valid": valid, "test": test}.items()})

    model = lgb.LGBMRegressor(
        n_estimators=4000, learning_rate=0.05, num_leaves=255, min_child_samples=100,
        subsample=0.7, subsample_freq=1, colsample_bytree=0.8, reg_lambda=2.0,
        random_state=SEED, verbose=-1,
    )
    model.fit(
        train[FEATURES], train["target"],
        eval_set=[(valid[FEATURES], valid["target"])],
        eval_metric="rmse",
        categorical_feature=["building_id", "site_id", "primary_use"],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    pred = model.predict(test[FEATURES])
    rmsle = np.sqrt(np.mean((pred - test["target"]) ** 2))
    print(f"test RMSLE (Sep-Dec 2016): {rmsle:.4f}  best_iter={model.best_iteration_}")
    per_site = (test.assign(se=(pred - test["target"]) ** 2).groupby("site_id")["se"].mean() ** 0.5)
    print(per_site.round(3).to_string())
    model.booster_.save_model("ashrae_elec_lgbm.txt")


if __name__ == "__main__":
    main()
