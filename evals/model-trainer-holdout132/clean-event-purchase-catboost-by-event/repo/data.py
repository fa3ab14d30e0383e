import json

import pandas as pd


def load_config(path="config.json"):
    with open(path) as f:
        return json.load(f)


def load_snapshots(cfg):
    """One row per (player, event): player state the day before the event starts."""
    df = pd.read_parquet(cfg["data_path"])
    for c in cfg["cat_features"]:
        df[c] = df[c].fillna("unknown").astype(str)
    df["days_since_last_purchase"] = df["days_since_last_purchase"].fillna(9999)
    return df


def split_by_event(df, cfg):
    parts = {}
    for name in ("train", "val", "test"):
        parts[name] = df[df["event_id"].isin(cfg[f"{name}_events"])].reset_index(drop=True)
    return parts["train"], parts["val"], parts["test"]
