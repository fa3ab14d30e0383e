import numpy as np
import pandas as pd


def load(cfg):
    occ = pd.read_csv(cfg["occupancy_csv"], parse_dates=["timestamp"])
    garages = pd.read_csv(cfg["garages_csv"], usecols=["lot_id", "capacity", "district"])
    df = occ.merge(garages, on="lot_id", how="inner")
    df["occ_rate"] = (df["occupied_spaces"] / df["capacity"]).clip(0, 1)
    df["how"] = df["timestamp"].dt.dayofweek * 96 + df["timestamp"].dt.hour * 4 + df["timestamp"].dt.minute // 15
    return df.sort_values(["lot_id", "timestamp"]).reset_index(drop=True)


def add_lags(df, horizon):
    g = df.groupby("lot_id")["occ_rate"]
    df["occ_now"] = df["occ_rate"]
    df["occ_lag_1h"] = g.shift(4)
    df["occ_lag_24h"] = g.shift(96)
    df["target"] = g.shift(-horizon)
    return df.dropna(subset=["occ_lag_24h", "target"])


def weekly_profile(train_df):
    """Mean occupancy per lot and 15-min slot of the week, from the rows it is given."""
    return (train_df.groupby(["lot_id", "how"])["occ_rate"].mean()
            .rename("profile_occ").reset_index())


def attach_profile(df, profile):
    out = df.merge(profile, on=["lot_id", "how"], how="left")
    out["profile_occ"] = out["profile_occ"].fillna(out["occ_now"])
    out["profile_gap"] = out["occ_now"] - out["profile_occ"]
    return out
