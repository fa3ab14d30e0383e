import pandas as pd


def load_frame(path, date_col):
    df = pd.read_parquet(path)
    df[date_col] = pd.to_datetime(df[date_col])
    return df.sort_values(["store_id", "sku_id", date_col]).reset_index(drop=True)


def add_lag_features(df, target, date_col):
    g = df.groupby(["store_id", "sku_id"])[target]
    for lag in (7, 14, 28):
        df[f"lag_{lag}"] = g.shift(lag)
    df["rmean_7_lag7"] = g.transform(lambda s: s.shift(7).rolling(7).mean())
    df["rmean_28_lag7"] = g.transform(lambda s: s.shift(7).rolling(28).mean())
    df["discount_pct"] = 1 - df["promo_price"] / df["regular_price"]
    return df


def time_split(df, date_col, valid_days, test_days):
    end = df[date_col].max()
    test_start = end - pd.Timedelta(days=test_days - 1)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    train = df[df[date_col] < valid_start]
    valid = df[(df[date_col] >= valid_start) & (df[date_col] < test_start)]
    test = df[df[date_col] >= test_start]
    return train, valid, test
