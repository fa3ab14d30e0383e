import random

import numpy as np
import pandas as pd


def seed_everything(seed: int = 1234):
    random.seed(seed)
    np.random.seed(seed)


def load_stints(path):
    """One row per stint: 5 offensive + 5 defensive player ids, possessions, points scored."""
    df = pd.read_parquet(path)
    df = df[df.possessions > 0].copy()
    df["pts_per_100"] = 100 * df.points / df.possessions
    return df


def build_player_index(stints):
    cols = [f"off_{i}" for i in range(5)] + [f"def_{i}" for i in range(5)]
    ids = pd.unique(stints[cols].to_numpy().ravel())
    return {pid: i + 1 for i, pid in enumerate(sorted(ids))}  # 0 = unknown / replacement
