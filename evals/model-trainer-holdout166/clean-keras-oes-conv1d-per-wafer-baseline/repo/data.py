import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

BASELINE_SAMPLES = 10  # plasma-strike stabilisation window at the start of each step


def load_oes(path):
    """OES intensities for selected lines, shape [n_wafers, n_steps, n_lines]."""
    d = np.load(path, allow_pickle=True)
    return d["oes"].astype(np.float32), d["label"].astype(np.int32), d["lot_id"], d["line_nm"]


def subtract_baseline(x):
    # per wafer, per line: remove the intensity level right after plasma strike (window drift / viewport clouding)
    return x - x[:, :BASELINE_SAMPLES, :].mean(axis=1, keepdims=True)


def lot_stratified_split(y, lots, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(y)), y, groups=lots))


class LineScaler:
    """Per-emission-line scale (std over wafers and time steps)."""

    def fit(self, x):
        self.scale_ = x.reshape(-1, x.shape[-1]).std(axis=0) + 1e-6
        return self

    def transform(self, x):
        return x / self.scale_
