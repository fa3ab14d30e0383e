import numpy as np
import pandas as pd
import xgboost as xgb

FEATURES = [
    "log_sum_insured", "occupancy_code", "construction_class", "sprinklers", "alarm_grade",
    "building_age", "flood_score", "subsidence_score", "n_locations", "turnover_band",
    "years_trading", "prior_claims_3y",
]


def load(path: str, cap: float) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["exposure"] > 0].copy()
    df["log_sum_insured"] = np.log(df["sum_insured"].clip(lower=1_000))
    df["loss_capped"] = df["incurred"].clip(upper=cap)
    return df


def to_dmatrix(df: pd.DataFrame) -> xgb.DMatrix:
    """Tweedie on total capped loss with log(exposure) as base margin."""
    return xgb.DMatrix(
        df[FEATURES],
        label=df["loss_capped"],
        base_margin=np.log(df["exposure"].to_numpy()),
    )
