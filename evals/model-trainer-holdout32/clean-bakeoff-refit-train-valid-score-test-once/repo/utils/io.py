import json
import os
import sqlite3

import pandas as pd
import yaml


def load_config(path):
    with open(path) as f:
        return yaml.safe_load(f)


def load_frame(src, table=None, columns=None):
    """parquet / csv / sqlite ("sqlite:///path.db::table") -> DataFrame"""
    if src.startswith("sqlite:///"):
        db, _, tbl = src[len("sqlite:///"):].partition("::")
        with sqlite3.connect(db) as con:
            return pd.read_sql_query(f"SELECT * FROM {tbl or table}", con)
    if src.endswith(".parquet"):
        return pd.read_parquet(src, columns=columns)
    return pd.read_csv(src, usecols=columns)


def save_json(obj, path):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2, default=float)
