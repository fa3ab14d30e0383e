import pandas as pd

ROLL_STATS = ["pts", "min", "fga", "fta", "fg3a", "usg_pct", "ast", "reb"]


def add_player_form(df):
    df = df.sort_values(["player_id", "game_date"]).copy()
    g = df.groupby("player_id")
    for stat in ROLL_STATS:
        prev = g[stat].shift(1)
        df[f"{stat}_l5"] = prev.groupby(df["player_id"]).transform(lambda s: s.rolling(5, min_periods=1).mean())
        df[f"{stat}_l20"] = prev.groupby(df["player_id"]).transform(lambda s: s.rolling(20, min_periods=3).mean())
    df["days_rest"] = g["game_date"].diff().dt.days.clip(upper=7).fillna(7)
    df["b2b"] = (df["days_rest"] == 1).astype(int)
    return df


FEATURES = [f"{s}_{w}" for s in ROLL_STATS for w in ("l5", "l20")] + [
    "days_rest", "b2b", "is_home", "opp_def_rtg_prev", "opp_pace_prev", "team_spread", "team_total",
]
