import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def load_customers(path, target, id_col):
    df = pd.read_csv(path)
    # TotalCharges is blank for brand-new customers
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"].str.strip(), errors="coerce")
    df[target] = (df[target] == "Yes").astype(int)
    return df.drop(columns=[id_col])


def split_frame(df, target, test_size, seed):
    return train_test_split(df, test_size=test_size, stratify=df[target], random_state=seed)


def make_preprocessor(feature_cfg):
    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categorical = OneHotEncoder(handle_unknown="ignore", min_frequency=20)
    return ColumnTransformer(
        [
            ("num", numeric, feature_cfg["numeric"]),
            ("cat", categorical, feature_cfg["categorical"]),
        ]
    )
