import numpy as np
import pandas as pd

ALLOY = {"bell_bronze_78_22": 0, "bell_bronze_80_20": 1, "tin_rich": 2, "other": 3}


def featurize(raw: pd.DataFrame) -> pd.DataFrame:
    """Row-wise transforms only (no statistics across rows), safe to run before splitting."""
    out = pd.DataFrame(index=raw.index)
    out["alloy"] = raw["alloy"].map(ALLOY).fillna(ALLOY["other"])
    out["pour_temp_c"] = raw["pour_temp_c"]
    out["superheat_c"] = raw["pour_temp_c"] - raw["liquidus_c"]
    out["mould_moisture_pct"] = raw["mould_moisture_pct"]
    out["loam_cure_days"] = raw["loam_cure_days"]
    out["mass_kg_log"] = np.log(raw["bell_mass_kg"])
    out["lip_to_shoulder"] = raw["lip_thickness_mm"] / raw["shoulder_thickness_mm"]
    out["pour_seconds_per_kg"] = raw["pour_duration_s"] / raw["bell_mass_kg"]
    out["ambient_rh"] = raw["ambient_rh"]
    out["vent_count"] = raw["vent_count"]
    return out
