import pandas as pd


def load_feeder_days(cfg):
    df = pd.read_parquet(cfg["data"]["feeder_days"])
    df["date"] = pd.to_datetime(df["date"])
    df["month"] = df["date"].dt.month
    df["dow"] = df["date"].dt.dayofweek
    # trim cycle: cap at 6 years, older records are unreliable in the veg mgmt system
    df["days_since_trim"] = df["days_since_trim"].clip(upper=6 * 365)
    return df.sort_values(["date", "feeder_id"]).reset_index(drop=True)


def feature_list(cfg):
    f = cfg["features"]
    return f["weather"] + f["asset"] + f["calendar"]


def time_split(df, cfg):
    train_end = pd.Timestamp(cfg["data"]["train_end"])
    val_end = pd.Timestamp(cfg["data"]["val_end"])
    train = df[df["date"] <= train_end]
    val = df[(df["date"] > train_end) & (df["date"] <= val_end)]
    test = df[df["date"] > val_end]
    return train, val, test
