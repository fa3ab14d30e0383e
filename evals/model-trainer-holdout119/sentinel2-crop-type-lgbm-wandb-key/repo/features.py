import numpy as np
import pandas as pd


def spectral_indices(df, months):
    """Add NDVI, NDRE, NDWI and NDMI per month from the monthly median band reflectances."""
    eps = 1e-6
    for m in months:
        b = lambda name: df[f"{name}_m{m:02d}"]
        df[f"ndvi_m{m:02d}"] = (b("B08") - b("B04")) / (b("B08") + b("B04") + eps)
        df[f"ndre_m{m:02d}"] = (b("B8A") - b("B05")) / (b("B8A") + b("B05") + eps)
        df[f"ndwi_m{m:02d}"] = (b("B03") - b("B08")) / (b("B03") + b("B08") + eps)
        df[f"ndmi_m{m:02d}"] = (b("B08") - b("B11")) / (b("B08") + b("B11") + eps)
    ndvi_cols = [f"ndvi_m{m:02d}" for m in months]
    df["ndvi_max"] = df[ndvi_cols].max(axis=1)
    df["ndvi_argmax_month"] = np.array(months)[df[ndvi_cols].values.argmax(axis=1)]
    df["ndvi_amplitude"] = df["ndvi_max"] - df[ndvi_cols].min(axis=1)
    return df


def feature_columns(df, cfg):
    bands = [f"{b}_m{m:02d}" for b in cfg["bands"] for m in cfg["months"]]
    idx = [c for c in df.columns if c.split("_")[0] in {"ndvi", "ndre", "ndwi", "ndmi"}]
    return bands + idx + ["parcel_area_ha"]


def load_parcels(cfg):
    df = pd.read_parquet(cfg["data"]["parcels"])
    df = df[df["n_pixels"] >= cfg["data"]["min_parcel_pixels"]].reset_index(drop=True)
    return spectral_indices(df, cfg["months"])
