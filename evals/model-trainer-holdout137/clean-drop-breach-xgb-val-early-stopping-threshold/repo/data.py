import pandas as pd


def load_and_engineer(path: str, drop_target: float) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["timestamp"] = pd.to_datetime(df["timestamp"])
    df = df.sort_values(["cell_id", "timestamp"]).reset_index(drop=True)
    df["drop_rate"] = df["dropped_calls"] / df["call_attempts"].clip(lower=1)

    g = df.groupby("cell_id")["drop_rate"]
    df["drop_rate_lag1"] = g.shift(1)
    df["drop_rate_lag24"] = g.shift(24)
    df["drop_rate_roll6"] = g.transform(lambda s: s.shift(1).rolling(6, min_periods=3).mean())
    df["next_drop_rate"] = g.shift(-1)
    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek

    df = df.dropna(subset=["next_drop_rate", "drop_rate_lag24", "drop_rate_roll6"])
    df["target"] = (df["next_drop_rate"] > drop_target).astype(int)
    return df


def split_by_time(df: pd.DataFrame, train_end: str, val_end: str):
    train = df[df["timestamp"] <= train_end]
    val = df[(df["timestamp"] > train_end) & (df["timestamp"] <= val_end)]
    test = df[df["timestamp"] > val_end]
    return train, val, test
