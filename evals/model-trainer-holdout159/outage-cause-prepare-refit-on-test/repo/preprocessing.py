import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


def season_of(month):
    return np.select(
        [month.isin([12, 1, 2]), month.isin([3, 4, 5]), month.isin([6, 7, 8])],
        ["WINTER", "SPRING", "SUMMER"],
        default="FALL",
    )


def clean_tickets(df):
    df = df[df["cause_group"].notna() & (df["duration_min"] > 5)].copy()
    df["hour"] = df["outage_start"].dt.hour
    df["season"] = season_of(df["outage_start"].dt.month)
    df["customers_out"] = np.log1p(df["customers_out"])
    df["duration_min"] = np.log1p(df["duration_min"])
    return df


def one_hot(df, categorical):
    parts = []
    for col, levels in categorical.items():
        cat = pd.Categorical(df[col].str.upper(), categories=levels)
        parts.append(pd.get_dummies(cat, prefix=col, dtype=float).set_index(df.index))
    return pd.concat(parts, axis=1)


def prepare(df, schema):
    """Impute + scale numeric fields, one-hot the categoricals with the fixed level list."""
    num = df[schema["numeric"]]
    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    num = scaler.fit_transform(imputer.fit_transform(num))
    num = pd.DataFrame(num, columns=schema["numeric"], index=df.index)
    X = pd.concat([num, one_hot(df, schema["categorical"])], axis=1)
    y = df[schema["target"]].values
    return X, y
