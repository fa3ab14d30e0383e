import numpy as np
import pandas as pd
from pytorch_forecasting import TimeSeriesDataSet
from pytorch_forecasting.data import GroupNormalizer


def load_farms(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"], utc=True)
    df = df.sort_values(["farm_id", "ts"])
    df["power_mw"] = df.groupby("farm_id")["power_mw"].transform(lambda s: s.interpolate(limit=3))
    df = df.dropna(subset=["power_mw", "ws100_fc", "wd100_fc"])
    df["time_idx"] = ((df["ts"] - df["ts"].min()) / pd.Timedelta("1h")).astype(int)
    df["wd_sin"] = np.sin(np.deg2rad(df["wd100_fc"]))
    df["wd_cos"] = np.cos(np.deg2rad(df["wd100_fc"]))
    df["hour"] = df["ts"].dt.hour.astype(str)
    df["capacity_factor"] = df["power_mw"] / df["capacity_mw"]
    return df


def time_cutoffs(df: pd.DataFrame, val_weeks: int, test_weeks: int):
    last = int(df["time_idx"].max())
    test_start = last - test_weeks * 168 + 1
    val_start = test_start - val_weeks * 168
    return val_start, test_start


def build_datasets(df: pd.DataFrame, val_start: int, test_start: int, enc: int, pred: int):
    training = TimeSeriesDataSet(
        df[df["time_idx"] < val_start],
        time_idx="time_idx",
        target="capacity_factor",
        group_ids=["farm_id"],
        max_encoder_length=enc,
        max_prediction_length=pred,
        static_categoricals=["farm_id"],
        static_reals=["capacity_mw"],
        time_varying_known_categoricals=["hour"],
        time_varying_known_reals=["time_idx", "ws100_fc", "wd_sin", "wd_cos"],
        time_varying_unknown_reals=["capacity_factor"],
        target_normalizer=GroupNormalizer(groups=["farm_id"], transformation=None),
        add_relative_time_idx=True,
        add_target_scales=True,
        allow_missing_timesteps=True,
    )
    validation = TimeSeriesDataSet.from_dataset(
        training, df[df["time_idx"] < test_start], min_prediction_idx=val_start, stop_randomization=True
    )
    testing = TimeSeriesDataSet.from_dataset(training, df, min_prediction_idx=test_start, stop_randomization=True)
    return training, validation, testing
