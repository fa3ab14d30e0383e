import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder


def load_frame(path: str, target: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["status"] == "active"].drop_duplicates("subscriber_id")
    df[target] = df[target].astype(int)
    return df


def make_preprocessor(numeric, categorical) -> ColumnTransformer:
    num = Pipeline([("impute", SimpleImputer(strategy="median"))])
    cat = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=50)),
    ])
    return ColumnTransformer([("num", num, numeric), ("cat", cat, categorical)])
