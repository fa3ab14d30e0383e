import os
import random

import numpy as np

MANEUVERS = ["cruise", "brake", "lane_change_left", "lane_change_right"]


def set_seed(seed: int = 0):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)


def window_features(df, cols, group="segment_id"):
    agg = df.groupby(group)[cols].agg(["mean", "std", "min", "max", "last"])
    agg.columns = ["_".join(c) for c in agg.columns]
    return agg.fillna(0.0)
