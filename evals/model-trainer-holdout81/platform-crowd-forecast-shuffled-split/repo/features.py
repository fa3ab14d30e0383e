"""Turn per-minute person counts from the platform CCTV detector into supervised rows."""
import pandas as pd


def load_counts(path):
    df = pd.read_parquet(path)  # camera_id, ts (UTC), person_count (YOLOv8 detections, 1 fps averaged per minute)
    df["ts"] = pd.to_datetime(df["ts"], utc=True).dt.tz_convert("Europe/London")
    return df.sort_values(["camera_id", "ts"]).reset_index(drop=True)


def build_supervised(df, horizon, lags, windows):
    out = []
    for cam, g in df.groupby("camera_id", sort=False):
        g = g.set_index("ts").asfreq("1min")
        g["camera_id"] = cam
        g["person_count"] = g["person_count"].interpolate(limit=3)
        s = g["person_count"]
        for lag in lags:
            g[f"lag_{lag}"] = s.shift(lag)
        for w in windows:
            g[f"roll_mean_{w}"] = s.rolling(w).mean()
            g[f"roll_max_{w}"] = s.rolling(w).max()
        g["minute_of_day"] = g.index.hour * 60 + g.index.minute
        g["dow"] = g.index.dayofweek
        g["target"] = s.shift(-horizon)
        out.append(g.reset_index())
    sup = pd.concat(out, ignore_index=True).dropna(subset=["target", f"lag_{max(lags)}"])
    sup["camera_id"] = sup["camera_id"].astype("category")
    return sup
