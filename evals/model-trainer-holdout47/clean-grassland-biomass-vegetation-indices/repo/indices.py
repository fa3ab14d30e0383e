"""Per-sample spectral indices from Sentinel-2 L2A reflectance (0-1 scale)."""
import numpy as np
import pandas as pd


def normalized_difference(a, b):
    return (a - b) / np.clip(a + b, 1e-6, None)


def add_indices(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["ndvi"] = normalized_difference(out["B08"], out["B04"])
    out["ndre"] = normalized_difference(out["B08"], out["B05"])
    out["ndwi"] = normalized_difference(out["B03"], out["B08"])
    out["ndmi"] = normalized_difference(out["B08"], out["B11"])
    out["evi"] = 2.5 * (out["B08"] - out["B04"]) / (out["B08"] + 6 * out["B04"] - 7.5 * out["B02"] + 1)
    out["msavi"] = (2 * out["B08"] + 1 - np.sqrt((2 * out["B08"] + 1) ** 2 - 8 * (out["B08"] - out["B04"]))) / 2
    out["cire"] = out["B07"] / np.clip(out["B05"], 1e-6, None) - 1
    return out
