import hashlib

import pandas as pd


def load_verified(path: str, expected_sha1: str) -> pd.DataFrame:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != expected_sha1:
        raise RuntimeError(f"{path} changed: sha1 {h.hexdigest()} != {expected_sha1}")
    return pd.read_parquet(path)


FEATURES = ["wind_850hpa_ms", "wind_dir_850_sin", "wind_dir_850_cos", "surface_wind_ms", "envelope_m3",
            "fuel_kg", "pax", "launch_hour", "cloud_base_m", "pilot_hours"]
