import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SENSORS = [
    "rf_fwd_w_mean", "rf_fwd_w_std", "rf_refl_w_max", "match_c1_pos_mean", "match_c2_pos_mean",
    "pressure_mtorr_mean", "pressure_mtorr_std", "throttle_valve_pct_mean", "esc_current_ma_mean",
    "he_leak_sccm_max", "wall_temp_c_mean", "chiller_temp_c_mean", "oes_cf2_260nm_mean", "oes_f_703nm_mean",
]


def load(path):
    df = pd.read_parquet(path)
    df = df[df["recipe"].isin(["POLY_ME_v12", "POLY_OE_v12"])].copy()
    df["fault"] = (df["chamber_state"] != "NORMAL").astype(int)
    return df


def prepare(df: pd.DataFrame):
    """Impute and standardise FDC sensors, return (X, y)."""
    pipe = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    X = pipe.fit_transform(df[SENSORS].to_numpy(dtype=np.float64))
    return X, df["fault"].to_numpy()
