import numpy as np
import pandas as pd

NUMERIC = [
    "age_at_u16", "relative_age_q", "height_cm", "sprint_30m_s", "yoyo_ir1_m", "cmj_cm",
    "u16_minutes", "u16_goal_contrib_p90", "coach_rating_tech", "coach_rating_tactical",
    "coach_rating_psych", "youth_caps",
]
POSITIONS = ["GK", "CB", "FB", "CM", "AM", "W", "ST"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["debut_within_2y"] = (df["first_team_debut_age"] <= df["age_at_u16"] + 2).astype(int)
    for pos in POSITIONS:
        df[f"pos_{pos}"] = (df["position"] == pos).astype("float32")
    return df


def to_arrays(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    cols = NUMERIC + [f"pos_{p}" for p in POSITIONS]
    return df[cols].to_numpy("float32"), df["debut_within_2y"].to_numpy("float32")
