from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split


def load(cfg: dict) -> pd.DataFrame:
    df = pd.read_parquet(cfg["raw"]).drop(columns=cfg["drop_cols"])
    df["current_range"] = df["current_max"] - df["current_min"]
    df["energy_per_mm"] = df["energy_j"] / df["seam_length_mm"].clip(lower=1)
    return df


def split_and_save(df: pd.DataFrame, cfg: dict) -> dict[str, pd.DataFrame]:
    s, t = cfg["split"], cfg["target"]
    dev, test = train_test_split(df, test_size=s["test_size"], stratify=df[t], random_state=cfg["seed"])
    train, val = train_test_split(dev, test_size=s["val_size"], stratify=dev[t], random_state=cfg["seed"])
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    parts = {"train": train, "val": val, "test": test}
    for name, part in parts.items():
        part.to_parquet(out / f"{name}.parquet", index=False)
    return parts
