import pandas as pd


def add_player_history(app: pd.DataFrame) -> pd.DataFrame:
    """Per-player rolling history using only previous appearances."""
    app = app.sort_values(["player_id", "kickoff"]).copy()
    g = app.groupby("player_id")
    prev_rating = g["rating"].shift(1)
    app["rating_avg5"] = prev_rating.groupby(app["player_id"]).transform(lambda s: s.rolling(5, min_periods=1).mean())
    app["rating_avg20"] = prev_rating.groupby(app["player_id"]).transform(lambda s: s.rolling(20, min_periods=3).mean())
    prev_min = g["minutes"].shift(1)
    app["minutes_avg5"] = prev_min.groupby(app["player_id"]).transform(lambda s: s.rolling(5, min_periods=1).mean())
    prev_chain = g["xg_chain"].shift(1)
    app["xg_chain_avg5"] = prev_chain.groupby(app["player_id"]).transform(lambda s: s.rolling(5, min_periods=1).mean())
    app["days_since_last"] = g["kickoff"].diff().dt.days.clip(upper=60)
    return app
