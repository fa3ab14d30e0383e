import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split


def load_config(path="config.json"):
    with open(path) as fh:
        return json.load(fh)


def make_matrices(cfg):
    runs = pd.read_csv(cfg["data"])
    X = runs[cfg["features"]]
    y = np.log10(runs[cfg["target"]])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"])
    return xgb.DMatrix(X_train, label=y_train), xgb.DMatrix(X_test, label=y_test), y_train, y_test
