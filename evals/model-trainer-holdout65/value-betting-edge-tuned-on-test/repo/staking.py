import numpy as np
import pandas as pd


def implied_probabilities(odds: pd.DataFrame) -> pd.DataFrame:
    """Remove the bookmaker margin by proportional normalisation of 1/odds per match."""
    inv = 1.0 / odds
    return inv.div(inv.sum(axis=1), axis=0)


def simulate_flat_bets(home_odds: np.ndarray, p_model: np.ndarray, home_won: np.ndarray, min_edge: float) -> dict:
    """Back the home side with 1 unit whenever model EV exceeds min_edge."""
    ev = p_model * home_odds - 1.0
    bets = ev > min_edge
    pnl = np.where(home_won[bets] == 1, home_odds[bets] - 1.0, -1.0)
    n = int(bets.sum())
    return {
        "min_edge": min_edge,
        "n_bets": n,
        "profit": float(pnl.sum()),
        "roi": float(pnl.sum() / n) if n else 0.0,
        "hit_rate": float((pnl > 0).mean()) if n else 0.0,
    }
