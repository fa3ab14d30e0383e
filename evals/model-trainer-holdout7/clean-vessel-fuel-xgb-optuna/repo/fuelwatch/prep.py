import numpy as np
import pandas as pd

FEATURES = ["speed_kn", "draft_fore_m", "draft_aft_m", "trim_m", "wind_bf", "wave_height_m",
            "current_kn", "days_since_hull_clean", "days_since_drydock", "cargo_t", "sea_temp_c",
            "me_load_pct", "vessel_dwt", "vessel_age_yrs"]


def load_reports(path: str, label: str):
    rep = pd.read_parquet(path)
    rep = rep[(rep["steaming_hours"] >= 20) & (rep["speed_kn"] > 3)]
    rep["trim_m"] = rep["draft_aft_m"] - rep["draft_fore_m"]
    x = rep[FEATURES].astype(np.float32)
    y = rep[label].astype(int).to_numpy()
    groups = rep["vessel_imo"].to_numpy()
    return x, y, groups
