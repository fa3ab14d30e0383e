import pandas as pd


def load_frame(cfg: dict) -> pd.DataFrame:
    load = pd.read_csv(cfg["data"]["load_csv"], parse_dates=["ts"])
    weather = pd.read_csv(cfg["data"]["weather_csv"], parse_dates=["ts"])
    df = load.merge(weather, on=["ts", "region"], how="left")
    return df.sort_values(["substation", "ts"]).reset_index(drop=True)
