"""Feature prep for the Ames linear models."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

QUAL = {"Ex": 5, "Gd": 4, "TA": 3, "Fa": 2, "Po": 1}
ORDINAL_COLS = ["ExterQual", "KitchenQual", "BsmtQual", "HeatingQC", "GarageQual"]
NUMERIC = [
    "OverallQual", "OverallCond", "GrLivArea", "TotalBsmtSF", "1stFlrSF", "2ndFlrSF",
    "LotArea", "LotFrontage", "GarageCars", "GarageArea", "Fireplaces", "MasVnrArea",
    "HouseAge", "RemodAge", "TotalBath",
]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["HouseAge"] = df["YrSold"] - df["YearBuilt"]
    df["RemodAge"] = df["YrSold"] - df["YearRemodAdd"]
    df["TotalBath"] = df["FullBath"] + 0.5 * df["HalfBath"] + df["BsmtFullBath"].fillna(0)
    for c in ["GrLivArea", "LotArea", "1stFlrSF"]:
        df[c] = np.log1p(df[c])
    for c in ORDINAL_COLS:
        df[c + "_ord"] = df[c].map(QUAL).fillna(0)
    return df


def feature_names():
    return NUMERIC + [c + "_ord" for c in ORDINAL_COLS]


def scale_features(df: pd.DataFrame) -> np.ndarray:
    cols = feature_names()
    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    X = imputer.fit_transform(df[cols])
    return scaler.fit_transform(X)
