import pandas as pd
import yaml


def read_settings(path="settings.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def load_summary(cfg: dict):
    df = pd.read_csv(cfg["data"]["summary_csv"])
    df = df.drop(columns=cfg["data"]["drop"])
    sensor_cols = [c for c in df.columns if c.startswith(("temp_", "press_", "rf_", "flow_"))]
    df[sensor_cols] = df[sensor_cols].astype("float32")
    return df, sensor_cols
