import numpy as np
import pandas as pd

FEATURES = ["ret_1d", "ret_5d", "ret_20d", "vol_20d", "volume_z", "hl_range", "mkt_ret_1d"]


def build_features(prices: pd.DataFrame, market: pd.Series) -> pd.DataFrame:
    """prices: long frame [date, ticker, open, high, low, close, volume]."""
    df = prices.sort_values(["ticker", "date"]).copy()
    g = df.groupby("ticker", group_keys=False)
    df["ret_1d"] = g["close"].apply(lambda s: np.log(s).diff())
    df["ret_5d"] = g["close"].apply(lambda s: np.log(s).diff(5))
    df["ret_20d"] = g["close"].apply(lambda s: np.log(s).diff(20))
    df["vol_20d"] = g["ret_1d"].apply(lambda s: s.rolling(20).std())
    vol_mean = g["volume"].apply(lambda s: s.rolling(60).mean())
    vol_std = g["volume"].apply(lambda s: s.rolling(60).std())
    df["volume_z"] = (df["volume"] - vol_mean) / vol_std
    df["hl_range"] = (df["high"] - df["low"]) / df["close"]
    df["mkt_ret_1d"] = df["date"].map(np.log(market).diff())
    # next-day log return is the prediction target
    df["target"] = g["ret_1d"].shift(-1)
    return df.dropna(subset=FEATURES + ["target"])


def make_windows(df: pd.DataFrame, lookback: int):
    xs, ys, dates = [], [], []
    for _, grp in df.groupby("ticker"):
        vals = grp[FEATURES].values.astype(np.float32)
        tgt = grp["target"].values.astype(np.float32)
        d = grp["date"].values
        for i in range(lookback, len(grp) + 1):
            xs.append(vals[i - lookback:i])
            ys.append(tgt[i - 1])
            dates.append(d[i - 1])
    return np.stack(xs), np.array(ys), np.array(dates)
