"""World-football-Elo style ratings with margin-of-victory multiplier.

Ratings are processed strictly in kickoff order: each match gets the ratings *before* it is
played, then both teams are updated with the result.
"""
import numpy as np
import pandas as pd

K = 20.0
HOME_ADV = 65.0
INIT = 1500.0
SEASON_CARRYOVER = 0.8  # regress 20% towards the mean between seasons


def expected_score(r_home, r_away):
    return 1.0 / (1.0 + 10 ** ((r_away - (r_home + HOME_ADV)) / 400.0))


def mov_multiplier(goal_diff):
    gd = abs(goal_diff)
    return 1.0 if gd <= 1 else (1.5 if gd == 2 else (11 + gd) / 8)


def add_elo(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["Date", "match_id"]).reset_index(drop=True)
    ratings: dict[str, float] = {}
    current_season = None
    pre_home, pre_away = np.empty(len(df)), np.empty(len(df))

    for i, row in enumerate(df.itertuples(index=False)):
        if row.season != current_season:
            ratings = {t: INIT + SEASON_CARRYOVER * (r - INIT) for t, r in ratings.items()}
            current_season = row.season
        rh = ratings.get(row.HomeTeam, INIT)
        ra = ratings.get(row.AwayTeam, INIT)
        pre_home[i], pre_away[i] = rh, ra

        score = 1.0 if row.FTHG > row.FTAG else (0.5 if row.FTHG == row.FTAG else 0.0)
        delta = K * mov_multiplier(row.FTHG - row.FTAG) * (score - expected_score(rh, ra))
        ratings[row.HomeTeam] = rh + delta
        ratings[row.AwayTeam] = ra - delta

    df["elo_home"] = pre_home
    df["elo_away"] = pre_away
    df["elo_diff"] = pre_home + HOME_ADV - pre_away
    df["elo_p_home"] = expected_score(pre_home, pre_away)
    return df
