"""Loading and splitting of the daily user snapshot table."""
import pandas as pd
from sklearn.model_selection import train_test_split


def load_snapshots(cfg: dict) -> pd.DataFrame:
    dcfg = cfg["data"]
    df = pd.read_parquet(dcfg["snapshots"])
    df[dcfg["date_col"]] = pd.to_datetime(df[dcfg["date_col"]])
    df = df[(df[dcfg["date_col"]] >= dcfg["min_date"]) & (df[dcfg["date_col"]] <= dcfg["max_date"])]
    # label needs 7 full days of lookahead
    last_labelled = df[dcfg["date_col"]].max() - pd.Timedelta(days=7)
    df = df[df[dcfg["date_col"]] <= last_labelled]
    return df.sort_values([dcfg["date_col"], dcfg["user_col"]]).reset_index(drop=True)


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["push_open_rate_7d"] = df["push_opens_7d"] / df["push_sends_7d"].clip(lower=1)
    df["sessions_trend"] = df["sessions_7d"] / (df["sessions_28d"] / 4).clip(lower=0.25)
    df["minutes_per_session_7d"] = df["minutes_7d"] / df["sessions_7d"].clip(lower=1)
    df["dow"] = df["snapshot_date"].dt.dayofweek
    return df


def split_frame(df: pd.DataFrame, cfg: dict):
    scfg = cfg["split"]
    train, test = train_test_split(
        df,
        test_size=scfg["test_size"],
        shuffle=scfg["shuffle"],
        random_state=scfg["seed"],
        stratify=df[cfg["data"]["label"]] if scfg["shuffle"] else None,
    )
    return train, test
