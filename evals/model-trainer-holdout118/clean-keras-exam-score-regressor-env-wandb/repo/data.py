import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["gender", "race/ethnicity", "parental level of education", "lunch", "test preparation course"]
NUMERIC = ["reading score", "writing score"]


def load(cfg):
    df = pd.read_csv(cfg["csv"])
    X = df[CATEGORICAL + NUMERIC]
    y = df[cfg["target"]].to_numpy(dtype="float32")
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], random_state=cfg["seed"])

    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ("num", StandardScaler(), NUMERIC),
    ])
    X_train = pre.fit_transform(X_train).astype("float32")
    X_test = pre.transform(X_test).astype("float32")

    # standardise the target, undone before reporting
    y_mu, y_sd = y_train.mean(), y_train.std()
    return X_train, (y_train - y_mu) / y_sd, X_test, y_test, (y_mu, y_sd)


def unscale(pred, stats):
    mu, sd = stats
    return np.asarray(pred).ravel() * sd + mu
