"""Feature helpers for the feeder-day outage model."""
import numpy as np
import pandas as pd

WEATHER = ["gust_max_mph", "wind_mean_mph", "precip_in", "snow_in", "ice_in", "tmax_f", "tmin_f",
           "cg_lightning_10km"]
ASSET = ["oh_circuit_miles", "ug_circuit_miles", "tree_canopy_pct", "n_customers", "voltage_kv",
         "avg_pole_age", "n_fuses", "n_reclosers"]


def add_calendar(df):
    df["month"] = df["date"].dt.month
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["weekend"] = (df["date"].dt.dayofweek >= 5).astype(int)
    return df


def add_weather_interactions(df):
    df["gust_x_canopy"] = df["gust_max_mph"] * df["tree_canopy_pct"] / 100
    df["wet_and_windy"] = ((df["precip_in"] > 0.5) & (df["gust_max_mph"] > 35)).astype(int)
    df["oh_share"] = df["oh_circuit_miles"] / (df["oh_circuit_miles"] + df["ug_circuit_miles"] + 1e-6)
    return df


def add_feeder_history(df, target):
    """Feeder reliability prior: how often this feeder has had an outage day, and how exposed
    it is to wind (outage rate on gusty days)."""
    base = df.groupby("feeder_id")[target].mean().rename("feeder_outage_rate")
    windy = df[df["gust_max_mph"] >= 35].groupby("feeder_id")[target].mean().rename("feeder_windy_rate")
    df = df.merge(base, on="feeder_id", how="left").merge(windy, on="feeder_id", how="left")
    df["feeder_windy_rate"] = df["feeder_windy_rate"].fillna(df["feeder_outage_rate"])
    return df


def feature_columns():
    return (WEATHER + ASSET + ["month", "doy_sin", "doy_cos", "weekend", "gust_x_canopy",
                               "wet_and_windy", "oh_share", "feeder_outage_rate", "feeder_windy_rate"])
