import numpy as np
import pandas as pd


def devig_power(odds: np.ndarray, tol=1e-10, max_iter=100) -> np.ndarray:
    """Power method: find k with sum((1/o)^k) == 1 for each row. Row-wise, no fitted state."""
    inv = 1.0 / odds
    k = np.ones(len(odds))
    for _ in range(max_iter):
        p = inv ** k[:, None]
        f = p.sum(axis=1) - 1.0
        if np.max(np.abs(f)) < tol:
            break
        df = (p * np.log(inv)).sum(axis=1)
        k = k - f / df
    return inv ** k[:, None]


def add_market_probs(df: pd.DataFrame, cols=("PSCH", "PSCD", "PSCA")) -> pd.DataFrame:
    probs = devig_power(df[list(cols)].to_numpy(dtype=float))
    df = df.copy()
    df["mkt_h"], df["mkt_d"], df["mkt_a"] = probs.T
    df["overround"] = (1.0 / df[list(cols)]).sum(axis=1) - 1.0
    return df


def flat_stake_pnl(p_model, p_mkt, odds, won, edge):
    bet = (p_model - p_mkt) > edge
    pnl = np.where(won[bet], odds[bet] - 1.0, -1.0)
    return int(bet.sum()), float(pnl.sum())
