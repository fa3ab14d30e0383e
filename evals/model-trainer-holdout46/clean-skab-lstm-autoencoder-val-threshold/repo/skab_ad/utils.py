import os
import random

import numpy as np
import pandas as pd
import torch

SENSORS = ["Accelerometer1RMS", "Accelerometer2RMS", "Current", "Pressure",
           "Temperature", "Thermocouple", "Voltage", "Volume Flow RateRMS"]


def set_seed(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def read_skab(path: str) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", parse_dates=["datetime"]).set_index("datetime").sort_index()


def sliding_windows(arr: np.ndarray, window: int) -> np.ndarray:
    idx = np.arange(window)[None, :] + np.arange(len(arr) - window + 1)[:, None]
    return arr[idx].astype(np.float32)


def window_labels(labels: np.ndarray, window: int) -> np.ndarray:
    """A window is labelled by its last point, i.e. the time at which the alarm would be raised."""
    return labels[window - 1 :]
