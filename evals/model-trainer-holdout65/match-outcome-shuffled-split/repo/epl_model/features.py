"""Feature engineering for match outcome models.

All features are computed from information available before kick-off:
rolling team form uses shift(1) so the current fixture never contributes
to its own features, and Elo ratings are read before the update.
"""
import numpy as np
import pandas as pd

RESULT_TO_LABEL = {"H": 0, "D": 1, "A": 2}


def _team_long_format(matches: pd.DataFrame) -> pd.DataFrame:
    home = matches[["match_id", "date", "home_team", "home_goals", "away_goals"]].rename(
        columns={"home_team": "team", "home_goals": "gf", "away_goals": "ga"}
    )
    home["is_home"] = 1
    away = matches[["match_id", "date", "away_team", "away_goals", "home_goals"]].rename(
        columns={"away_team": "team", "away_goals": "gf", "home_goals": "ga"}
    )
    away["is_home"] = 0
    long = pd.concat([home, away], ignore_index=True)
    long["points"] = np.select([long.gf > long.ga, long.gf == long.ga], [3, 1], 0)
    return long.sort_values(["team", "date"]).reset_index(drop=True)


def add_rolling_form(matches: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    long = _team_long_format(matches)
    grp = long.groupby("team", group_keys=False)
    for col in ["gf", "ga", "points"]:
        long[f"{col}_form"] = grp[col].apply(
            lambda s: s.shift(1).rolling(window, min_periods=1).mean()
        )
    long["days_rest"] = grp["date"].diff().dt.days.fillna(7).clip(upper=21)

    form_cols = ["gf_form", "ga_form", "points_form", "days_rest"]
    home = long[long.is_home == 1][["match_id"] + form_cols].add_prefix("home_")
    away = long[long.is_home == 0][["match_id"] + form_cols].add_prefix("away_")
    out = matches.merge(home, left_on="match_id", right_on="home_match_id")
    out = out.merge(away, left_on="match_id", right_on="away_match_id")
    return out.drop(columns=["home_match_id", "away_match_id"])


def add_elo(matches: pd.DataFrame, k: float = 20, home_adv: float = 60) -> pd.DataFrame:
    ratings: dict[str, float] = {}
    home_elo, away_elo = [], []
    for row in matches.sort_values("date").itertuples():
        rh = ratings.get(row.home_team, 1500.0)
        ra = ratings.get(row.away_team, 1500.0)
        home_elo.append(rh)
        away_elo.append(ra)
        expected_home = 1.0 / (1.0 + 10 ** ((ra - rh - home_adv) / 400))
        score_home = 1.0 if row.home_goals > row.away_goals else 0.5 if row.home_goals == row.away_goals else 0.0
        ratings[row.home_team] = rh + k * (score_home - expected_home)
        ratings[row.away_team] = ra - k * (score_home - expected_home)
    out = matches.sort_values("date").copy()
    out["home_elo"] = home_elo
    out["away_elo"] = away_elo
    out["elo_diff"] = out["home_elo"] - out["away_elo"]
    return out


def build_feature_table(matches: pd.DataFrame, window: int, k: float, home_adv: float) -> pd.DataFrame:
    df = add_elo(matches, k=k, home_adv=home_adv)
    df = add_rolling_form(df, window=window)
    df["form_diff"] = df["home_points_form"] - df["away_points_form"]
    df["label"] = df["result"].map(RESULT_TO_LABEL)
    return df.sort_values("date").reset_index(drop=True)
