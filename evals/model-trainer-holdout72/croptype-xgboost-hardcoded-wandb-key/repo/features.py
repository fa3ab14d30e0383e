import numpy as np

MONTHS = ["04", "05", "06", "07", "08", "09"]
BANDS = ["B02", "B03", "B04", "B05", "B08", "B11", "B12"]


def _ratio(a, b):
    return (a - b) / (a + b + 1e-9)


def build_parcel_features(df):
    """Per-parcel median reflectance per month plus indices and simple phenology."""
    cols, names = [], []
    ndvi = []
    for m in MONTHS:
        for b in BANDS:
            cols.append(df[f"{b}_{m}"].to_numpy(dtype="float32"))
            names.append(f"{b}_{m}")
        nd = _ratio(df[f"B08_{m}"].to_numpy("float32"), df[f"B04_{m}"].to_numpy("float32"))
        ndvi.append(nd)
        cols.append(nd)
        names.append(f"ndvi_{m}")
        cols.append(_ratio(df[f"B08_{m}"].to_numpy("float32"), df[f"B11_{m}"].to_numpy("float32")))
        names.append(f"ndmi_{m}")
    ndvi = np.stack(ndvi, axis=1)
    cols += [ndvi.max(1), ndvi.argmax(1).astype("float32"), np.diff(ndvi, axis=1).max(1)]
    names += ["ndvi_max", "ndvi_peak_month", "ndvi_max_greenup"]
    cols.append(np.log1p(df["parcel_area_m2"].to_numpy("float32")))
    names.append("log_area")
    return np.column_stack(cols), names
