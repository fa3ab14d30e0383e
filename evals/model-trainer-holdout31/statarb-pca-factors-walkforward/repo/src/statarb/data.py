import numpy as np
import pandas as pd


def load_returns(path: str, start: str, end: str) -> pd.DataFrame:
    """Wide matrix of daily log returns, rows = dates (ascending), cols = tickers."""
    px = pd.read_parquet(path)
    px = px.pivot(index="date", columns="ticker", values="adj_close").sort_index()
    px = px.loc[start:end]
    rets = np.log(px).diff().iloc[1:]
    # keep names with at least 95% coverage, fill the rest with 0 (no trade)
    rets = rets.loc[:, rets.notna().mean() > 0.95].fillna(0.0)
    return rets


def forward_returns(rets: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Sum of the next `horizon` daily returns, aligned to the decision date."""
    return rets[::-1].rolling(horizon).sum()[::-1].shift(-1)
