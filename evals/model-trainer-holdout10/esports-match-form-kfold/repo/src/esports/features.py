import numpy as np
import pandas as pd


def elo_ratings(matches: pd.DataFrame, k: float = 32, start: float = 1500) -> pd.DataFrame:
    """Pre-match Elo for both teams; ratings are updated only after each match is played."""
    rating: dict[str, float] = {}
    pre_a, pre_b = [], []
    for a, b, a_won in matches[["team_a", "team_b", "a_won"]].itertuples(index=False):
        ra, rb = rating.get(a, start), rating.get(b, start)
        pre_a.append(ra)
        pre_b.append(rb)
        exp_a = 1.0 / (1.0 + 10 ** ((rb - ra) / 400))
        rating[a] = ra + k * (a_won - exp_a)
        rating[b] = rb + k * ((1 - a_won) - (1 - exp_a))
    out = matches.copy()
    out["elo_a"] = pre_a
    out["elo_b"] = pre_b
    out["elo_diff"] = out["elo_a"] - out["elo_b"]
    out["elo_prob_a"] = 1.0 / (1.0 + 10 ** (-out["elo_diff"] / 400))
    return out


def _team_long(matches: pd.DataFrame) -> pd.DataFrame:
    a = matches[["match_id", "match_date", "team_a", "a_won", "gold_diff_15"]].rename(
        columns={"team_a": "team", "a_won": "won"})
    b = matches[["match_id", "match_date", "team_b", "a_won", "gold_diff_15"]].rename(
        columns={"team_b": "team"})
    b["won"] = 1 - b.pop("a_won")
    b["gold_diff_15"] = -b["gold_diff_15"]
    return pd.concat([a, b], ignore_index=True).sort_values(["team", "match_date", "match_id"])


def rolling_form(matches: pd.DataFrame, window: int = 10) -> pd.DataFrame:
    """Win rate and mean 15-min gold lead over each team's previous `window` matches (shifted: no current match)."""
    long = _team_long(matches)
    g = long.groupby("team", group_keys=False)
    long["form_wr"] = g["won"].apply(lambda s: s.shift(1).rolling(window, min_periods=3).mean())
    long["form_gold"] = g["gold_diff_15"].apply(lambda s: s.shift(1).rolling(window, min_periods=3).mean())
    long["days_rest"] = g["match_date"].diff().dt.days
    keep = long[["match_id", "team", "form_wr", "form_gold", "days_rest"]]
    out = matches.merge(keep.add_suffix("_a"), left_on=["match_id", "team_a"],
                        right_on=["match_id_a", "team_a"], how="left")
    out = out.merge(keep.add_suffix("_b"), left_on=["match_id", "team_b"],
                    right_on=["match_id_b", "team_b"], how="left")
    return out.drop(columns=["match_id_a", "match_id_b"])


FEATURES = [
    "elo_a", "elo_b", "elo_diff",
    "form_wr_a", "form_wr_b", "form_gold_a", "form_gold_b",
    "days_rest_a", "days_rest_b", "is_lan", "best_of",
]


def build(matches: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    matches = matches.sort_values(["match_date", "match_id"]).reset_index(drop=True)
    matches = elo_ratings(matches, k=cfg["elo_k"], start=cfg["elo_start"])
    matches = rolling_form(matches, window=cfg["form_window"])
    matches["is_lan"] = matches["is_lan"].astype(int)
    return matches
