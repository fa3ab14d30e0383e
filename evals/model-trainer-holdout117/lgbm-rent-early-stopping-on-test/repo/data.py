import pandas as pd
from sklearn.model_selection import train_test_split


def load_listings(cfg):
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    df = df.drop_duplicates(subset=["listing_id"])
    df = df[df[d["target"]].between(d["min_rent"], d["max_rent"])]
    df = df[df["sqft"].isna() | (df["sqft"] > 150)]
    df["building_age"] = 2023 - df["year_built"]
    return df.reset_index(drop=True)


def split(df, cfg):
    num = cfg["features"]["numeric"]
    cat = cfg["features"]["categorical"]
    X = df[num + cat].copy()
    y = df[cfg["data"]["target"]]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], random_state=cfg["seed"]
    )
    for c in cat:
        X_train[c] = X_train[c].astype("category")
        X_test[c] = pd.Categorical(X_test[c], categories=X_train[c].cat.categories)
    return X_train, X_test, y_train, y_test
