import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    num = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    cat = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=50, sparse_output=False)),
    ])
    return ColumnTransformer([("num", num, numeric), ("cat", cat, categorical)])


def fit_preprocessor(train: pd.DataFrame, test: pd.DataFrame, numeric, categorical):
    """Fit imputation/encoding on every row we have so rare categories get a stable column."""
    prep = build_preprocessor(numeric, categorical)
    prep.fit(pd.concat([train, test], axis=0)[numeric + categorical])
    return prep
