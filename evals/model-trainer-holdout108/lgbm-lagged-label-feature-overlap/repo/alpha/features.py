import numpy as np
import pandas as pd


def momentum(df: pd.DataFrame, windows) -> list:
    g = df.groupby("ticker")["close"]
    cols = []
    for w in windows:
        col = f"mom_{w}"
        df[col] = g.pct_change(w)
        cols.append(col)
    # classic 12-1 momentum skips the most recent month
    df["mom_12_1"] = g.shift(21) / g.shift(252) - 1.0
    cols.append("mom_12_1")
    return cols


def volatility(df: pd.DataFrame, window: int) -> list:
    ret = df.groupby("ticker")["close"].pct_change()
    df["ret_1d"] = ret
    df["vol"] = ret.groupby(df["ticker"]).transform(lambda s: s.rolling(window).std())
    df["downside_vol"] = ret.clip(upper=0).groupby(df["ticker"]).transform(
        lambda s: s.rolling(window).std()
    )
    return ["vol", "downside_vol"]


def liquidity(df: pd.DataFrame, window: int) -> list:
    df["turnover"] = df["volume"] / df["shares_out"]
    g = df.groupby("ticker")["turnover"]
    df["turnover_avg"] = g.transform(lambda s: s.rolling(window).mean())
    df["amihud"] = (df["ret_1d"].abs() / (df["close"] * df["volume"] + 1.0)).groupby(
        df["ticker"]
    ).transform(lambda s: s.rolling(window).mean())
    df["log_mcap"] = np.log(df["close"] * df["shares_out"])
    return ["turnover_avg", "amihud", "log_mcap"]


def target_history(df: pd.DataFrame, label_col: str, halflife: int) -> list:
    """Stock-specific drift: smoothed history of the stock's own realised label."""
    g = df.groupby("ticker")[label_col]
    df["label_last"] = g.shift(1)
    df["label_ewm"] = g.transform(lambda s: s.shift(1).ewm(halflife=halflife).mean())
    return ["label_last", "label_ewm"]


def cross_sectional_rank(df: pd.DataFrame, cols) -> None:
    df[cols] = df.groupby("date")[cols].rank(pct=True) - 0.5
