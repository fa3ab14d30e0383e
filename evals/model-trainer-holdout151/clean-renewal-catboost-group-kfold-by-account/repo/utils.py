import json
import os
import random

import numpy as np


def load_config(path="config.json"):
    with open(path) as f:
        return json.load(f)


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def lift_table(y, p, bins=10):
    import pandas as pd

    d = pd.DataFrame({"y": y, "p": p})
    d["decile"] = pd.qcut(d["p"].rank(method="first"), bins, labels=False)
    out = d.groupby("decile")["y"].agg(["mean", "size"]).sort_index(ascending=False)
    out["lift"] = out["mean"] / d["y"].mean()
    return out
