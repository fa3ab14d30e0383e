import pandas as pd

FEATURES = [
    "runs_at_10", "wkts_at_10", "boundaries_at_10", "dot_pct_at_10",
    "venue_avg_total", "bat_team_form", "bowl_team_econ_form", "is_day_game",
]


def add_history_features(innings: pd.DataFrame) -> pd.DataFrame:
    """Rolling form features computed only from matches played before each innings."""
    df = innings.sort_values("match_date").copy()
    df["venue_avg_total"] = (
        df.groupby("venue")["final_total"].transform(lambda s: s.shift(1).expanding().mean())
    )
    df["bat_team_form"] = (
        df.groupby("batting_team")["final_total"].transform(lambda s: s.shift(1).rolling(8, min_periods=3).mean())
    )
    df["bowl_team_econ_form"] = (
        df.groupby("bowling_team")["final_total"].transform(lambda s: s.shift(1).rolling(8, min_periods=3).mean() / 20)
    )
    return df.dropna(subset=["venue_avg_total", "bat_team_form", "bowl_team_econ_form"])
