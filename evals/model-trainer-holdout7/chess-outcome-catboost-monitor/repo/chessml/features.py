import numpy as np
import pandas as pd

OUTCOMES = ["white", "draw", "black"]


def elo_expectation(white: pd.Series, black: pd.Series) -> pd.Series:
    return 1.0 / (1.0 + 10 ** ((black - white) / 400.0))


def build(games: pd.DataFrame, n_plies: int) -> pd.DataFrame:
    f = pd.DataFrame(index=games.index)
    f["white_elo"] = games["white_rating"]
    f["black_elo"] = games["black_rating"]
    f["elo_diff"] = games["white_rating"] - games["black_rating"]
    f["elo_mean"] = (games["white_rating"] + games["black_rating"]) / 2
    f["elo_expect"] = elo_expectation(games["white_rating"], games["black_rating"])
    f["base_seconds"] = games["time_control"].str.split("+").str[0].astype(int)
    f["increment"] = games["time_control"].str.split("+").str[1].astype(int)
    for col in ["eco", "opening_family", "time_control", "white_title", "black_title"]:
        f[col] = games[col].fillna("none").astype(str)
    moves = games["moves"].str.split()
    f["opening_line"] = moves.map(lambda m: " ".join(m[:n_plies]))
    f["early_captures"] = moves.map(lambda m: sum("x" in mv for mv in m[:n_plies]))
    f["early_checks"] = moves.map(lambda m: sum("+" in mv for mv in m[:n_plies]))
    return f


def label(games: pd.DataFrame) -> np.ndarray:
    return games["winner"].map({k: i for i, k in enumerate(OUTCOMES)}).to_numpy()
