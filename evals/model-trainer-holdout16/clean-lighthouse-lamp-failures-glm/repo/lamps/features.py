import numpy as np
import pandas as pd
import statsmodels.api as sm

COLS = ["log_burn_hours", "voltage_sd", "cycles_per_night", "salt_spray_idx", "lens_temp_max", "is_led_retrofit"]


def build(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    out["log_burn_hours"] = np.log1p(df["burn_hours"])
    out["voltage_sd"] = df["voltage_sd"]
    out["cycles_per_night"] = df["on_off_cycles"] / df["nights"].clip(lower=1)
    out["salt_spray_idx"] = df["salt_spray_idx"]
    out["lens_temp_max"] = df["lens_temp_max"]
    out["is_led_retrofit"] = df["lamp_type"].eq("led").astype(int)
    return sm.add_constant(out[COLS], has_constant="add")
