import numpy as np
import pandas as pd

CUT_ORDER = ["Fair", "Good", "Very Good", "Premium", "Ideal"]
COLOR_ORDER = ["J", "I", "H", "G", "F", "E", "D"]
CLARITY_ORDER = ["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF"]


def load_diamonds(path):
    gems = pd.read_csv(path)
    gems = gems[(gems[["x", "y", "z"]] > 0).all(axis=1)]  # zero dimensions are data-entry errors
    # fixed domain orderings, not learned from data
    gems["cut"] = pd.Categorical(gems["cut"], categories=CUT_ORDER, ordered=True).codes
    gems["color"] = pd.Categorical(gems["color"], categories=COLOR_ORDER, ordered=True).codes
    gems["clarity"] = pd.Categorical(gems["clarity"], categories=CLARITY_ORDER, ordered=True).codes
    gems["volume"] = gems["x"] * gems["y"] * gems["z"]
    gems["log_carat"] = np.log(gems["carat"])
    gems["log_price"] = np.log(gems["price"])
    return gems


FEATURES = ["carat", "log_carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z", "volume"]
