"""Vectorised daily futures backtest: signals at close t trade into the return of day t+1."""
import numpy as np
import pandas as pd


def ex_ante_vol(returns: pd.DataFrame, span: int) -> pd.DataFrame:
    return returns.ewm(span=span, min_periods=span).std() * np.sqrt(252)


def positions_from_signal(signal: pd.DataFrame, vol: pd.DataFrame, target_vol: float) -> pd.DataFrame:
    n_assets = signal.notna().sum(axis=1).clip(lower=1)
    raw = signal.clip(-1, 1) * target_vol / vol
    return raw.div(np.sqrt(n_assets), axis=0)


def run(signal: pd.DataFrame, returns: pd.DataFrame, vol: pd.DataFrame, target_vol: float,
        cost_bps: pd.Series) -> pd.Series:
    pos = positions_from_signal(signal, vol, target_vol).shift(1)
    gross = (pos * returns).sum(axis=1, min_count=1)
    trades = pos.diff().abs()
    costs = (trades * cost_bps.reindex(trades.columns) / 1e4).sum(axis=1)
    return (gross - costs).dropna()


def stats(r: pd.Series) -> dict:
    eq = r.cumsum()
    return {
        "sharpe": float(r.mean() / r.std() * np.sqrt(252)),
        "ann_vol": float(r.std() * np.sqrt(252)),
        "max_dd": float((eq - eq.cummax()).min()),
        "calmar": float(r.mean() * 252 / abs((eq - eq.cummax()).min())),
    }
