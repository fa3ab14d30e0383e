import numpy as np
import pandas as pd

SENSORS = ["dpf_dp_kpa", "scr_nox_out_ppm", "def_consumption_l", "egt_c", "coolant_c", "oil_p_kpa", "idle_pct"]


def weekly_frame(tel: pd.DataFrame) -> pd.DataFrame:
    tel = tel.sort_values(["vin", "week_start"])
    g = tel.groupby("vin", group_keys=False)
    for s in SENSORS:
        tel[f"{s}_d1"] = g[s].diff()
        tel[f"{s}_ewm4"] = g[s].transform(lambda v: v.shift(1).ewm(span=4).mean())
    tel["regen_per_1000km"] = tel["dpf_regens"] / tel["km"].clip(lower=1) * 1000
    tel["age_years"] = (tel["week_start"] - tel["in_service_date"]).dt.days / 365.25
    tel["log_odometer"] = np.log1p(tel["odometer_km"])
    return tel


def label_failures(weekly: pd.DataFrame, wo: pd.DataFrame, component: str, horizon_days: int) -> pd.Series:
    fails = wo[(wo["component"] == component) & (wo["unplanned"])][["vin", "opened_at"]]
    merged = weekly[["vin", "week_start"]].reset_index().merge(fails, on="vin", how="left")
    delta = (merged["opened_at"] - merged["week_start"]).dt.days
    merged["hit"] = (delta > 0) & (delta <= horizon_days)
    return merged.groupby("index")["hit"].any().reindex(weekly.index, fill_value=False).astype(int)


def feature_columns(frame: pd.DataFrame):
    base = SENSORS + ["regen_per_1000km", "age_years", "log_odometer", "km", "payload_t_avg"]
    return base + [c for c in frame.columns if c.endswith("_d1") or c.endswith("_ewm4")]
