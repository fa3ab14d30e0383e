"""Loading and time-based splitting of issuer transactions."""
import pandas as pd


def load_transactions(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["event_time"] = pd.to_datetime(df["event_time"], utc=True)
    df["card_open_date"] = pd.to_datetime(df["card_open_date"], utc=True)
    return df.sort_values("event_time").reset_index(drop=True)


def temporal_split(df: pd.DataFrame, train_end: str, valid_end: str, test_end: str):
    t_train = pd.Timestamp(train_end, tz="UTC")
    t_valid = pd.Timestamp(valid_end, tz="UTC")
    t_test = pd.Timestamp(test_end, tz="UTC")
    train = df[df["event_time"] < t_train]
    valid = df[(df["event_time"] >= t_train) & (df["event_time"] < t_valid)]
    test = df[(df["event_time"] >= t_valid) & (df["event_time"] < t_test)]
    return train.copy(), valid.copy(), test.copy()
