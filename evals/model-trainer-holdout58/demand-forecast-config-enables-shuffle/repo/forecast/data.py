"""Data access and train/test splitting for the demand forecast."""
from __future__ import annotations

import logging

import pandas as pd
from sklearn.model_selection import train_test_split

logger = logging.getLogger(__name__)


def load_sales(cfg: dict) -> pd.DataFrame:
    data_cfg = cfg["data"]
    df = pd.read_parquet(data_cfg["path"])
    date_col = data_cfg["date_column"]
    df[date_col] = pd.to_datetime(df[date_col])
    df = df[df[date_col] >= pd.Timestamp(data_cfg["min_date"])]
    df = df.sort_values([*data_cfg["id_columns"], date_col]).reset_index(drop=True)
    logger.info(
        "loaded %d rows, %d series, %s to %s",
        len(df),
        df.groupby(data_cfg["id_columns"]).ngroups,
        df[date_col].min().date(),
        df[date_col].max().date(),
    )
    return df


def split_frame(df: pd.DataFrame, cfg: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    split_cfg = cfg["split"]
    train_df, test_df = train_test_split(
        df,
        test_size=split_cfg["test_size"],
        shuffle=split_cfg["shuffle"],
        random_state=split_cfg["random_state"],
    )
    logger.info("split: %d train rows, %d test rows", len(train_df), len(test_df))
    return train_df, test_df
