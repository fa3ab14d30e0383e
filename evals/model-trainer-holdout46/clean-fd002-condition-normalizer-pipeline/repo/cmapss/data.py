import pandas as pd

SETTINGS = ["os1", "os2", "os3"]
COLUMNS = ["unit", "cycle"] + SETTINGS + [f"s{i}" for i in range(1, 22)]


def load(path: str, rul_cap: int) -> pd.DataFrame:
    df = pd.read_csv(path, sep=r"\s+", header=None).iloc[:, : len(COLUMNS)]
    df.columns = COLUMNS
    df = df.sort_values(["unit", "cycle"]).reset_index(drop=True)
    df["rul"] = (df.groupby("unit")["cycle"].transform("max") - df["cycle"]).clip(upper=rul_cap)
    return df


def add_unit_history(df: pd.DataFrame, sensors, window: int) -> pd.DataFrame:
    out = df.copy()
    g = out.groupby("unit")
    for s in sensors:
        out[f"{s}_d{window}"] = out[s] - g[s].shift(window).bfill()
        out[f"{s}_ewm"] = g[s].transform(lambda x: x.ewm(span=window, adjust=False).mean())
    out["age"] = out["cycle"]
    return out
