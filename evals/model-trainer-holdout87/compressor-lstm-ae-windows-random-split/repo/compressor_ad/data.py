"""Loading and windowing of compressor station telemetry."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def load_sensor_log(path, sensors, resample="1min"):
    df = pd.read_parquet(path)
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True)
    df = df.sort_values("timestamp").set_index("timestamp")
    values = df[sensors].resample(resample).mean().interpolate(limit=5)
    # maintenance log marks intervals with confirmed faults
    labels = df["fault_active"].resample(resample).max().fillna(0).astype(int)
    keep = values.notna().all(axis=1)
    return values[keep], labels[keep]


def make_windows(values, labels, length, stride):
    arr = values.to_numpy(dtype=np.float32)
    lab = labels.to_numpy()
    starts = range(0, len(arr) - length + 1, stride)
    X = np.stack([arr[s:s + length] for s in starts])
    y = np.array([int(lab[s:s + length].max()) for s in starts])
    return X, y


def split_windows(X, y, test_size, seed):
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)


class WindowScaler:
    """Per-sensor standardisation for (n_windows, length, n_sensors) arrays."""

    def fit(self, X):
        flat = X.reshape(-1, X.shape[-1])
        self.mean_ = flat.mean(axis=0)
        self.std_ = flat.std(axis=0) + 1e-6
        return self

    def transform(self, X):
        return ((X - self.mean_) / self.std_).astype(np.float32)
