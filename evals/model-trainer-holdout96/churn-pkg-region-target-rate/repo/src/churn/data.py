from pathlib import Path

import pandas as pd

ID_COLS = ["customer_id", "snapshot_date"]


def load_snapshot(path: str | Path) -> pd.DataFrame:
    """Read a feature-store snapshot exported by the nightly materialisation job."""
    df = pd.read_parquet(path)
    df = df.drop_duplicates(subset="customer_id", keep="last")
    df["snapshot_date"] = pd.to_datetime(df["snapshot_date"])
    return df.reset_index(drop=True)


def split_columns(df: pd.DataFrame, target: str) -> tuple[list[str], list[str]]:
    feature_df = df.drop(columns=ID_COLS + [target])
    categorical = feature_df.select_dtypes(include=["object", "category"]).columns.tolist()
    numeric = feature_df.select_dtypes(include="number").columns.tolist()
    return numeric, categorical
