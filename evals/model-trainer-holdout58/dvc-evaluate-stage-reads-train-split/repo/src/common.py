from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml


def load_params(path: str = "params.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def split_path(processed_dir: str | Path, name: str) -> Path:
    return Path(processed_dir) / f"{name}.parquet"


def load_split(processed_dir: str | Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(split_path(processed_dir, name))


def xy(frame: pd.DataFrame, target: str) -> tuple[pd.DataFrame, pd.Series]:
    return frame.drop(columns=[target]), frame[target].astype(int)
