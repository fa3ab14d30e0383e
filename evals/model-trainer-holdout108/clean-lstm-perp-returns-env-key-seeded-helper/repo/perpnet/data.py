import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

FEATURES = ["ret_1h", "ret_4h", "ret_24h", "rv_24h", "log_qvol", "funding", "oi_chg_24h", "basis"]


def load_features(path: str, symbols, horizon: int) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["symbol"].isin(symbols)].sort_values(["symbol", "ts"]).reset_index(drop=True)
    g = df.groupby("symbol")
    lp = np.log(df["close"])
    df["ret_1h"] = lp - g["close"].shift(1).pipe(np.log)
    df["ret_4h"] = lp - g["close"].shift(4).pipe(np.log)
    df["ret_24h"] = lp - g["close"].shift(24).pipe(np.log)
    df["rv_24h"] = df.groupby("symbol")["ret_1h"].transform(lambda s: s.rolling(24).std())
    df["log_qvol"] = np.log1p(df["quote_volume"])
    df["oi_chg_24h"] = np.log(df["open_interest"]) - np.log(g["open_interest"].shift(24))
    df["basis"] = df["close"] / df["index_price"] - 1
    df["target"] = (np.log(g["close"].shift(-horizon)) - lp) / df["rv_24h"]
    return df.dropna(subset=FEATURES + ["target"]).reset_index(drop=True)


def fit_normalizer(train_df: pd.DataFrame):
    x = train_df[FEATURES].to_numpy(np.float64)
    return x.mean(0).astype(np.float32), x.std(0).astype(np.float32)


class SymbolWindows(Dataset):
    def __init__(self, df: pd.DataFrame, window: int, mean, std):
        self.window = window
        self.x = torch.tensor(((df[FEATURES].to_numpy(np.float32) - mean) / std).clip(-8, 8))
        self.y = torch.tensor(df["target"].to_numpy(np.float32))
        sym = df["symbol"].to_numpy()
        ends = np.arange(window - 1, len(df))
        self.ends = ends[sym[ends] == sym[ends - window + 1]]

    def __len__(self):
        return len(self.ends)

    def __getitem__(self, i):
        e = self.ends[i]
        return self.x[e - self.window + 1 : e + 1], self.y[e]
