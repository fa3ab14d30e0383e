import numpy as np
import torch
from torch.utils.data import TensorDataset


def make_windows(values: np.ndarray, target_idx: int, window: int, horizon: int) -> TensorDataset:
    """(window x features) history -> next `horizon` days of the target column."""
    xs, ys = [], []
    for start in range(len(values) - window - horizon + 1):
        xs.append(values[start:start + window])
        ys.append(values[start + window:start + window + horizon, target_idx])
    x = torch.tensor(np.stack(xs), dtype=torch.float32)
    y = torch.tensor(np.stack(ys), dtype=torch.float32)
    return TensorDataset(x, y)
