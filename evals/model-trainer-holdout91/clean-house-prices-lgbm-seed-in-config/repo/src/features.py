import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.preprocessing import OrdinalEncoder

QUALITY = {"Ex": 5, "Gd": 4, "TA": 3, "Fa": 2, "Po": 1}


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for col in ["ExterQual", "KitchenQual", "BsmtQual", "HeatingQC", "FireplaceQu", "GarageQual"]:
        df[col + "_num"] = df[col].map(QUALITY).fillna(0)
    df["TotalSF"] = df["TotalBsmtSF"].fillna(0) + df["1stFlrSF"] + df["2ndFlrSF"]
    df["QualxSF"] = df["OverallQual"] * df["TotalSF"]
    df["Age"] = df["YrSold"] - df["YearBuilt"]
    df["SinceRemod"] = df["YrSold"] - df["YearRemodAdd"]
    df["TotalBath"] = (df["FullBath"] + 0.5 * df["HalfBath"]
                       + df["BsmtFullBath"].fillna(0) + 0.5 * df["BsmtHalfBath"].fillna(0))
    df["MSSubClass"] = df["MSSubClass"].astype(str)
    return df


def tree_preprocessor() -> ColumnTransformer:
    return ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-2), make_column_selector(dtype_include=object))],
        remainder="passthrough",
        verbose_feature_names_out=False,
    )


def target(df: pd.DataFrame) -> np.ndarray:
    return np.log1p(df["SalePrice"].to_numpy())
