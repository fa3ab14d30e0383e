import holidays
import numpy as np
import pandas as pd


def load_frame(cfg):
    d = cfg["data"]
    load = pd.read_csv(d["load_csv"], parse_dates=["timestamp"])
    load = load[load["substation"] == d["substation"]].set_index("timestamp")["demand_mw"]
    load = load.sort_index().asfreq("30min")

    wx = pd.read_csv(d["weather_csv"], parse_dates=["time"]).set_index("time").sort_index()
    # ERA5 is hourly; hold each value for both half hours
    wx = wx[cfg["features"]["weather"]].resample("30min").ffill()

    df = load.to_frame("demand_mw").join(wx, how="left")
    return df


def add_features(df, cfg):
    out = df.copy()
    for lag in cfg["features"]["lags_hh"]:
        out[f"demand_lag_{lag}"] = out["demand_mw"].shift(lag)
    out["hh"] = out.index.hour * 2 + out.index.minute // 30
    out["dow"] = out.index.dayofweek
    out["doy_sin"] = np.sin(2 * np.pi * out.index.dayofyear / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * out.index.dayofyear / 365.25)
    uk_hol = holidays.UK(subdiv="ENG", years=sorted(set(out.index.year)))
    out["bank_holiday"] = out.index.normalize().isin(pd.to_datetime(list(uk_hol))).astype(int)
    out["wind_speed_ms"] = np.hypot(out["u10_ms"], out["v10_ms"])
    return out.dropna()


def split(df, cfg):
    d = cfg["data"]
    train = df.loc[: d["train_end"]]
    val = df.loc[d["train_end"]:d["val_end"]].iloc[1:]
    test = df.loc[d["val_end"]:].iloc[1:]
    return train, val, test


def pinball(y, q_pred, q):
    diff = y - q_pred
    return float(np.mean(np.maximum(q * diff, (q - 1) * diff)))
