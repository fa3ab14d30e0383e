"""Daily features for gold futures direction model. All inputs are known at the close of day t."""
import numpy as np
import pandas as pd


def load(path: str = "data/gold_macro_daily.csv") -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["date"], index_col="date").sort_index()
    # macro series are published with a lag; forward-fill only, never back-fill
    return df.ffill()


def make_xy(df: pd.DataFrame, horizon: int):
    gc = np.log(df["gc_close"])
    r = gc.diff()
    X = pd.DataFrame(index=df.index)
    for w in (1, 5, 21, 63, 126):
        X[f"mom_{w}"] = gc.diff(w)
    X["vol_21"] = r.rolling(21).std()
    X["vol_ratio"] = r.rolling(5).std() / r.rolling(63).std()
    X["real_yield_chg_21"] = df["tips10y"].diff(21)
    X["dxy_mom_21"] = np.log(df["dxy"]).diff(21)
    X["breakeven_chg_21"] = (df["ust10y"] - df["tips10y"]).diff(21)
    X["cot_mm_net_z"] = (df["cot_mm_net"] - df["cot_mm_net"].rolling(156).mean()) / df["cot_mm_net"].rolling(156).std()
    X["gvz"] = df["gvz"]
    fwd = gc.shift(-horizon) - gc
    y = (fwd > 0).astype(int).where(fwd.notna())
    keep = y.notna() & X["mom_126"].notna()
    return X[keep], y[keep].astype(int), fwd[keep]
