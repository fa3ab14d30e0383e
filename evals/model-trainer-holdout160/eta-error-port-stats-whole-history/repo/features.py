"""Feature engineering for the reported-ETA correction model.

One row per (voyage, snapshot): the AIS-reported ETA as seen 6-72 h before arrival,
plus the vessel state at that moment. Target: eta_error_h = actual arrival - reported ETA.
"""
import numpy as np
import pandas as pd

NUMERIC = [
    "horizon_h", "dist_to_port_nm", "sog", "sog_mean_24h", "required_speed_kn",
    "dwt", "draught_ratio", "month", "reported_eta_hour",
    "port_eta_err_mean", "port_eta_err_std", "port_calls",
]


def add_vessel_state(df):
    df["horizon_h"] = (df["reported_eta"] - df["snapshot_time"]).dt.total_seconds() / 3600
    df["required_speed_kn"] = df["dist_to_port_nm"] / df["horizon_h"].clip(lower=0.5)
    df["draught_ratio"] = df["draught"] / df["max_draught"]
    df["month"] = df["snapshot_time"].dt.month
    df["reported_eta_hour"] = df["reported_eta"].dt.hour
    return df


def add_port_stats(df):
    """How far off reported ETAs usually are for each destination port."""
    port = df.groupby("dest_locode").agg(
        port_eta_err_mean=("eta_error_h", "mean"),
        port_eta_err_std=("eta_error_h", "std"),
        port_calls=("voyage_id", "nunique"),
    )
    df = df.join(port, on="dest_locode")
    df["port_eta_err_std"] = df["port_eta_err_std"].fillna(0.0)
    return df


def clean(df):
    df = df.dropna(subset=["reported_eta", "actual_arrival", "dist_to_port_nm"])
    df = df[(df["sog"] < 30) & (df["eta_error_h"].abs() < 120)]
    return df.copy()
