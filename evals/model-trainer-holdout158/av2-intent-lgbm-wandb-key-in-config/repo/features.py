import pandas as pd

DROP = ["scenario_id", "track_id", "city_name", "intent"]


def load_table(path):
    df = pd.read_parquet(path)
    # heading change over the 5 s history, wrapped to [-pi, pi]
    dh = df["heading_last"] - df["heading_first"]
    df["heading_change"] = (dh + 3.141592653589793) % (2 * 3.141592653589793) - 3.141592653589793
    df["speed_ratio"] = df["speed_last"] / (df["speed_first"] + 0.1)
    return df


def split_xy(df, target):
    X = df.drop(columns=[c for c in DROP if c in df.columns])
    return X, df[target].astype(int)
