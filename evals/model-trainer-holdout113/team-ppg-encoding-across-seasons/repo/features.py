"""Feature builders for the EPL 1X2 model (football-data.co.uk format)."""
import numpy as np
import pandas as pd

RESULT_MAP = {"H": 0, "D": 1, "A": 2}


def load_matches(path):
    df = pd.read_csv(path, parse_dates=["Date"], dayfirst=True)
    df = df.dropna(subset=["FTHG", "FTAG", "FTR"])
    df = df.sort_values("Date").reset_index(drop=True)
    df["match_id"] = np.arange(len(df))
    df["result"] = df["FTR"].map(RESULT_MAP)
    return df


def _team_long(df):
    home = df[["match_id", "Date", "HomeTeam", "FTHG", "FTAG", "HS", "AS"]].rename(
        columns={"HomeTeam": "team", "FTHG": "gf", "FTAG": "ga", "HS": "sf", "AS": "sa"})
    home["is_home"] = 1
    away = df[["match_id", "Date", "AwayTeam", "FTAG", "FTHG", "AS", "HS"]].rename(
        columns={"AwayTeam": "team", "FTAG": "gf", "FTHG": "ga", "AS": "sf", "HS": "sa"})
    away["is_home"] = 0
    return pd.concat([home, away]).sort_values(["team", "Date"])


def add_rolling_form(df, window=5):
    long = _team_long(df)
    grp = long.groupby("team")
    for col in ["gf", "ga", "sf", "sa"]:
        long[f"{col}_form"] = grp[col].transform(
            lambda s: s.shift(1).rolling(window, min_periods=1).mean())
    long["rest_days"] = grp["Date"].diff().dt.days.clip(upper=14)

    form_cols = ["gf_form", "ga_form", "sf_form", "sa_form", "rest_days"]
    h = long[long.is_home == 1].set_index("match_id")[form_cols].add_prefix("home_")
    a = long[long.is_home == 0].set_index("match_id")[form_cols].add_prefix("away_")
    return df.join(h, on="match_id").join(a, on="match_id")


def add_team_strength(df):
    """Points-per-game for each side at home / away, used as a prior on team quality."""
    home_pts = df["FTR"].map({"H": 3, "D": 1, "A": 0})
    away_pts = df["FTR"].map({"H": 0, "D": 1, "A": 3})
    home_ppg = home_pts.groupby(df["HomeTeam"]).mean()
    away_ppg = away_pts.groupby(df["AwayTeam"]).mean()
    df["home_team_ppg"] = df["HomeTeam"].map(home_ppg)
    df["away_team_ppg"] = df["AwayTeam"].map(away_ppg)
    return df


FEATURES = [
    "home_gf_form", "home_ga_form", "home_sf_form", "home_sa_form", "home_rest_days",
    "away_gf_form", "away_ga_form", "away_sf_form", "away_sa_form", "away_rest_days",
    "home_team_ppg", "away_team_ppg",
]
