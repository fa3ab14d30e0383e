import numpy as np
import pandas as pd


def daily_rank_ic(dates, pred, target) -> pd.Series:
    df = pd.DataFrame({"date": dates, "pred": pred, "y": target})
    return df.groupby("date").apply(lambda d: d["pred"].corr(d["y"], method="spearman"))


def long_short_sharpe(dates, tickers, pred, fwd_ret, horizon: int, cost_bps: float) -> float:
    df = pd.DataFrame({"date": dates, "ticker": tickers, "pred": pred, "r": fwd_ret})
    rebal = np.sort(df["date"].unique())[::horizon]
    df = df[df["date"].isin(rebal)].copy()
    df["w"] = df.groupby("date")["pred"].transform(lambda s: s.rank(pct=True) - 0.5)
    df["w"] /= df["w"].abs().groupby(df["date"]).transform("sum")
    gross = (df["w"] * df["r"]).groupby(df["date"]).sum()
    turnover = df.pivot(index="date", columns="ticker", values="w").fillna(0).diff().abs().sum(1)
    net = gross - turnover.reindex(gross.index).fillna(0) * cost_bps / 1e4
    return float(net.mean() / net.std() * np.sqrt(252 / horizon))
