"""Pre-match Elo ratings for 1v1 ranked duels, replayed in match order."""
from collections import defaultdict

import pandas as pd

BASE = 1500.0


def expected_score(r_a: float, r_b: float) -> float:
    return 1.0 / (1.0 + 10 ** ((r_b - r_a) / 400.0))


def add_prematch_elo(matches: pd.DataFrame, k: float = 24.0) -> pd.DataFrame:
    """Adds elo_a / elo_b / games_a / games_b as they were before each match."""
    matches = matches.sort_values(["ended_at", "match_id"]).reset_index(drop=True)
    rating = defaultdict(lambda: BASE)
    games = defaultdict(int)
    elo_a, elo_b, games_a, games_b = [], [], [], []
    for a, b, a_won in matches[["player_a", "player_b", "a_won"]].itertuples(index=False):
        ra, rb = rating[a], rating[b]
        elo_a.append(ra)
        elo_b.append(rb)
        games_a.append(games[a])
        games_b.append(games[b])
        ea = expected_score(ra, rb)
        rating[a] = ra + k * (a_won - ea)
        rating[b] = rb + k * ((1 - a_won) - (1 - ea))
        games[a] += 1
        games[b] += 1
    out = matches.copy()
    out["elo_a"], out["elo_b"] = elo_a, elo_b
    out["games_a"], out["games_b"] = games_a, games_b
    out["elo_diff"] = out["elo_a"] - out["elo_b"]
    return out
