import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

SIGNALS = ["hr", "sbp", "map", "resp", "temp", "spo2", "lactate", "wbc", "creatinine", "platelets", "gcs"]


def build_arrays(hourly: pd.DataFrame, window: int):
    hourly = hourly[hourly["icu_hour"] < window]
    stays = hourly.groupby("stay_id").agg(patient_id=("patient_id", "first"), label=("sepsis_after", "max"))
    idx = pd.MultiIndex.from_product([stays.index, range(window)], names=["stay_id", "icu_hour"])
    grid = hourly.set_index(["stay_id", "icu_hour"])[SIGNALS].reindex(idx)
    observed = grid.notna().to_numpy(np.float32)
    grid = grid.groupby(level="stay_id").ffill()
    values = grid.to_numpy(np.float32).reshape(len(stays), window, len(SIGNALS))
    observed = observed.reshape(len(stays), window, len(SIGNALS))
    return values, observed, stays["label"].to_numpy(np.float32), stays["patient_id"].to_numpy()


def patient_level_split(labels, patients, frac, seed):
    """Split unique patients (stratified on whether the patient ever developed sepsis)."""
    per_patient = pd.Series(labels).groupby(patients).max()
    keep_p, hold_p = train_test_split(per_patient.index.to_numpy(), test_size=frac,
                                      stratify=per_patient.to_numpy(), random_state=seed)
    hold = np.isin(patients, hold_p)
    return np.where(~hold)[0], np.where(hold)[0]


def fit_normalizer(values):
    flat = values.reshape(-1, values.shape[-1])
    return np.nanmean(flat, axis=0), np.nanstd(flat, axis=0) + 1e-6


def apply_normalizer(values, observed, stats):
    mean, std = stats
    z = np.nan_to_num((values - mean) / std, nan=0.0)
    return np.concatenate([z, observed], axis=-1).astype(np.float32)
