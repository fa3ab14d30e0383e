import numpy as np
import pandas as pd

LEVELS = {"total": [], "dc": ["dc_id"], "category": ["category"], "dc_category": ["dc_id", "category"],
          "sku": ["dc_id", "sku_id"]}


def bottom_up(df: pd.DataFrame, cols: list[str]) -> dict[str, pd.DataFrame]:
    return {name: df.groupby(keys + ["week"], observed=True)[cols].sum().reset_index()
            for name, keys in LEVELS.items()}


def wape_by_level(levels: dict[str, pd.DataFrame], pred_cols: list[str]) -> pd.DataFrame:
    rows = []
    for name, frame in levels.items():
        denom = frame["units"].abs().sum()
        row = {"level": name}
        for col in pred_cols:
            err = frame[col] - frame["units"]
            row[f"{col}_wape"] = float(err.abs().sum() / denom)
            row[f"{col}_rmse"] = float(np.sqrt((err ** 2).mean()))
        rows.append(row)
    return pd.DataFrame(rows)
