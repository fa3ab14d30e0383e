import numpy as np
import pandas as pd


def load_features(path: str, ticker: str) -> pd.DataFrame:
    px = pd.read_csv(path, parse_dates=["date"])
    px = px[px["ticker"] == ticker].set_index("date").sort_index()
    feats = pd.DataFrame(index=px.index)
    feats["ret"] = np.log(px["adj_close"]).diff()
    feats["range"] = np.log(px["high"] / px["low"])
    feats["log_volume_chg"] = np.log(px["volume"]).diff()
    feats["ret_5"] = feats["ret"].rolling(5).sum()
    feats["vol_20"] = feats["ret"].rolling(20).std()
    return feats.dropna()


def to_windows(values: np.ndarray, target: np.ndarray, lookback: int):
    X = np.stack([values[i - lookback:i] for i in range(lookback, len(values))])
    y = target[lookback:]
    return X.astype("float32"), y.astype("float32")
