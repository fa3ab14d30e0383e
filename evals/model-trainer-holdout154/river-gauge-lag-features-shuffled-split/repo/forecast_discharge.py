"""Next-day discharge forecast for a single river gauge.

Inputs: daily gauge discharge (m3/s) plus catchment-averaged ERA5-Land precipitation,
temperature and snow depth. Target is discharge at t+1.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

SEED = 2023
LAGS = [1, 2, 3, 5, 7, 14]


def nse(obs, sim):
    obs, sim = np.asarray(obs), np.asarray(sim)
    return 1.0 - np.sum((obs - sim) ** 2) / np.sum((obs - obs.mean()) ** 2)


def load(gauge_csv, meteo_csv):
    q = pd.read_csv(gauge_csv, parse_dates=["date"]).set_index("date")["discharge_m3s"]
    met = pd.read_csv(meteo_csv, parse_dates=["date"]).set_index("date")
    df = met[["precip_mm", "t2m_c", "snow_depth_m"]].join(q, how="inner")
    df = df.asfreq("D")
    df["discharge_m3s"] = df["discharge_m3s"].interpolate(limit=3)
    return df


def make_features(df):
    out = pd.DataFrame(index=df.index)
    out["q_t"] = df["discharge_m3s"]
    for k in LAGS:
        out[f"q_lag{k}"] = df["discharge_m3s"].shift(k)
    out["p_t"] = df["precip_mm"]
    out["p_sum3"] = df["precip_mm"].rolling(3).sum()
    out["p_sum7"] = df["precip_mm"].rolling(7).sum()
    out["p_sum30"] = df["precip_mm"].rolling(30).sum()
    out["t2m"] = df["t2m_c"]
    out["snow_melt"] = (-df["snow_depth_m"].diff()).clip(lower=0)
    out["doy_sin"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)
    out["target"] = df["discharge_m3s"].shift(-1)
    return out.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gauge", default="data/gauge_6335020_daily.csv")
    ap.add_argument("--meteo", default="data/era5land_catchment_6335020.csv")
    ap.add_argument("--test-size", type=float, default=0.2)
    args = ap.parse_args()

    data = make_features(load(args.gauge, args.meteo))
    X = data.drop(columns="target")
    y = data["target"]
    print(f"{len(data)} days, {data.index.min().date()} -> {data.index.max().date()}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, random_state=SEED
    )

    model = GradientBoostingRegressor(
        n_estimators=600,
        learning_rate=0.03,
        max_depth=4,
        subsample=0.8,
        loss="huber",
        random_state=SEED,
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    persistence = X_test["q_t"].values
    print(f"NSE  model      : {nse(y_test, pred):.3f}")
    print(f"NSE  persistence: {nse(y_test, persistence):.3f}")
    print(f"MAE  model      : {mean_absolute_error(y_test, pred):.2f} m3/s")

    imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(imp.head(8).round(3).to_string())


if __name__ == "__main__":
    main()
