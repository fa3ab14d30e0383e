"""Next-day reference ET (FAO-56 ET0, mm/day) forecast for irrigation scheduling at one station.

Inputs are today's and past days' observations; the target is tomorrow's ET0.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def build_features(df):
    df = df.sort_values("date").set_index("date").asfreq("D")
    df[["tmax_c", "tmin_c", "rs_mj_m2", "u2_ms", "rh_mean"]] = df[["tmax_c", "tmin_c", "rs_mj_m2", "u2_ms", "rh_mean"]].ffill(limit=2)
    out = pd.DataFrame(index=df.index)
    for col in ["et0_mm", "tmax_c", "tmin_c", "rs_mj_m2", "u2_ms", "rh_mean"]:
        out[col] = df[col]
        for lag in (1, 2, 3):
            out[f"{col}_lag{lag}"] = df[col].shift(lag)
    out["et0_roll7"] = df["et0_mm"].rolling(7).mean()
    out["et0_roll30"] = df["et0_mm"].rolling(30).mean()
    out["rain_roll3"] = df["rain_mm"].rolling(3).sum()
    doy = out.index.dayofyear
    out["doy_sin"], out["doy_cos"] = np.sin(2 * np.pi * doy / 365.25), np.cos(2 * np.pi * doy / 365.25)
    out["y_et0_next"] = df["et0_mm"].shift(-1)
    return out.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--station-csv", default="data/cimis_station_80_daily.csv")
    ap.add_argument("--test-frac", type=float, default=0.2)
    args = ap.parse_args()

    raw = pd.read_csv(args.station_csv, parse_dates=["date"])
    data = build_features(raw)
    X, y = data.drop(columns="y_et0_next"), data["y_et0_next"]

    # chronological: last 20% of days are the test period
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=args.test_frac, shuffle=False)
    print(f"train {X_train.index.min().date()}..{X_train.index.max().date()}  "
          f"test {X_test.index.min().date()}..{X_test.index.max().date()}")

    model = make_pipeline(
        StandardScaler(),
        RidgeCV(alphas=np.logspace(-3, 3, 25), cv=TimeSeriesSplit(n_splits=5)),
    )
    model.fit(X_train, y_train)
    print("alpha:", model[-1].alpha_)

    pred = model.predict(X_test)
    persistence = X_test["et0_mm"]  # tomorrow = today
    print(f"persistence MAE {mean_absolute_error(y_test, persistence):.3f} mm/day")
    print(f"ridge       MAE {mean_absolute_error(y_test, pred):.3f} mm/day  "
          f"RMSE {np.sqrt(mean_squared_error(y_test, pred)):.3f}")

    monthly = pd.DataFrame({"obs": y_test, "pred": pred}).groupby(y_test.index.month).apply(
        lambda g: mean_absolute_error(g["obs"], g["pred"]))
    print(monthly.round(3).rename("MAE by month").to_string())


if __name__ == "__main__":
    main()
