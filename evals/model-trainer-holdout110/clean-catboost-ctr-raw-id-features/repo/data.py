import pandas as pd


def load(cfg):
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    df[d["time_col"]] = pd.to_datetime(df[d["time_col"]])
    df = df.sort_values(d["time_col"]).reset_index(drop=True)
    for c in cfg["features"]["cat"]:
        df[c] = df[c].fillna("NA").astype(str)
    return df


def chrono_split(df, time_col, valid_days, test_days):
    end = df[time_col].max()
    test_start = end - pd.Timedelta(days=test_days)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    train = df[df[time_col] < valid_start]
    valid = df[(df[time_col] >= valid_start) & (df[time_col] < test_start)]
    test = df[df[time_col] >= test_start]
    return train, valid, test
