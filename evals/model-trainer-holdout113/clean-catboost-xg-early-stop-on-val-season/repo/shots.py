import numpy as np
import pandas as pd

GOAL_X, GOAL_Y, POST_HALF = 100.0, 50.0, 5.9  # Wyscout 0-100 coords, goal mouth ~11.8 wide


def load_shots(path):
    df = pd.read_parquet(path)
    df = df[(df.situation != "penalty") & df.x.notna() & df.y.notna()].copy()
    dx = (GOAL_X - df.x) * 1.05
    dy = (GOAL_Y - df.y) * 0.68
    df["distance"] = np.hypot(dx, dy)
    left = np.arctan2(GOAL_Y + POST_HALF - df.y, GOAL_X - df.x)
    right = np.arctan2(GOAL_Y - POST_HALF - df.y, GOAL_X - df.x)
    df["angle"] = np.abs(left - right)
    return df


def split_by_season(df, seasons):
    return (df[df.season.isin(seasons["train"])],
            df[df.season == seasons["valid"]],
            df[df.season == seasons["test"]])
