import pandas as pd


def load_impressions(cfg):
    df = pd.read_parquet(cfg["data"]["path"])
    df[cfg["data"]["time_col"]] = pd.to_datetime(df[cfg["data"]["time_col"]])
    df["hour"] = df[cfg["data"]["time_col"]].dt.hour
    return df.sort_values(cfg["data"]["time_col"]).reset_index(drop=True)


def time_split(df, time_col, test_days):
    """Everything before the last `test_days` calendar days is training data."""
    cutoff = df[time_col].max().normalize() - pd.Timedelta(days=test_days - 1)
    return df[df[time_col] < cutoff].copy(), df[df[time_col] >= cutoff].copy()


def align_categories(train, other, cols):
    """Category codes come from the training frame; unseen values become NaN."""
    for c in cols:
        train[c] = train[c].astype("category")
        other[c] = pd.Categorical(other[c], categories=train[c].cat.categories)
    return train, other
