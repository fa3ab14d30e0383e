import numpy as np
import pandas as pd

NWP_COLS = ["U10", "V10", "U100", "V100"]


def load(path):
    df = pd.read_csv(path)
    # GEFCom timestamps look like 20120101 1:00
    df["TIMESTAMP"] = pd.to_datetime(df["TIMESTAMP"], format="%Y%m%d %H:%M")
    return df.sort_values(["TIMESTAMP", "ZONEID"]).reset_index(drop=True)


def add_features(df):
    out = df.copy()
    out["ws10"] = np.hypot(out["U10"], out["V10"])
    out["ws100"] = np.hypot(out["U100"], out["V100"])
    out["wd100"] = (np.degrees(np.arctan2(out["U100"], out["V100"])) + 360) % 360
    out["wd100_sin"] = np.sin(np.radians(out["wd100"]))
    out["wd100_cos"] = np.cos(np.radians(out["wd100"]))
    out["shear"] = np.log(out["ws100"].clip(lower=0.1) / out["ws10"].clip(lower=0.1)) / np.log(10)
    out["ws100_cubed"] = out["ws100"] ** 3

    # the NWP run covers the whole delivery day at issue time, so the
    # neighbouring forecast hours are available too
    g = out.groupby("ZONEID")["ws100"]
    out["ws100_prev"] = g.shift(1)
    out["ws100_next"] = g.shift(-1)
    out["ws100_roll3"] = g.transform(lambda s: s.rolling(3, center=True, min_periods=1).mean())

    out["hour"] = out["TIMESTAMP"].dt.hour
    out["month"] = out["TIMESTAMP"].dt.month
    out["zone"] = out["ZONEID"].astype("category")
    return out


FEATURES = [
    "zone", "ws10", "ws100", "wd100_sin", "wd100_cos", "shear", "ws100_cubed",
    "ws100_prev", "ws100_next", "ws100_roll3", "hour", "month",
]
TARGET = "TARGETVAR"
