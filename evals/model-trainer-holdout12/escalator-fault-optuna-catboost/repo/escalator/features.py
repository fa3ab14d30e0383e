import pandas as pd

CAT_COLS = ["station", "manufacturer", "direction"]
NUM_COLS = [
    "vib_rms_p95", "vib_rms_trend", "motor_amp_mean", "motor_amp_max", "chain_temp_max",
    "handrail_speed_dev", "starts_per_day", "riders_k", "age_years", "days_since_service",
    "faults_prev_8w",
]
TARGET = "fault_next_7d"


def load_weeks(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(["escalator_id", "week_start"])
    g = df.groupby("escalator_id")
    df["vib_rms_trend"] = g["vib_rms_p95"].diff(4)
    df["faults_prev_8w"] = g["faults"].transform(lambda s: s.shift(1).rolling(8, min_periods=1).sum())
    return df.dropna(subset=["vib_rms_trend"]).reset_index(drop=True)


def time_cut(df: pd.DataFrame, cutoff: str):
    cut = pd.Timestamp(cutoff)
    return df[df.week_start < cut], df[df.week_start >= cut]
