"""Feature matrix for the adjacent-lane cut-in detector (radar object list + ego CAN)."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

NUMERIC = [
    "obj_lat_dist_m", "obj_lat_vel_mps", "obj_lat_acc_mps2", "obj_long_dist_m", "obj_long_vrel_mps",
    "obj_heading_rel_rad", "obj_width_m", "lane_line_dist_m", "ego_speed_mps", "ego_yaw_rate",
]
BINARY = ["obj_turn_signal_toward_ego", "lane_marking_dashed"]


def add_kinematics(df):
    out = df.copy()
    # time for the object to reach the lane line at current lateral speed (inf when moving away)
    closing = -out["obj_lat_vel_mps"].where(out["obj_lat_vel_mps"] < 0)
    out["t_to_line_s"] = (out["lane_line_dist_m"] / closing).clip(upper=10.0).fillna(10.0)
    out["long_ttc_s"] = (out["obj_long_dist_m"] / (-out["obj_long_vrel_mps"]).clip(lower=0.1)).clip(upper=20.0)
    return out


def build_matrix(df):
    df = add_kinematics(df)
    num = df[NUMERIC + ["t_to_line_s", "long_ttc_s"]]
    num = SimpleImputer(strategy="median").fit_transform(num)
    num = StandardScaler().fit_transform(num)
    return np.hstack([num, df[BINARY].to_numpy(dtype=float)])
