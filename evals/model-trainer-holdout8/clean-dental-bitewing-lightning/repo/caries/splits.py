import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold


def assign_folds(index: pd.DataFrame, n_folds: int, seed: int) -> pd.DataFrame:
    """Patient-level folds: every bitewing of a patient lands in the same fold."""
    index = index.copy()
    index["fold"] = -1
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for k, (_, idx) in enumerate(sgkf.split(index, index["has_caries"], groups=index["patient_id"])):
        index.loc[index.index[idx], "fold"] = k
    assert (index["fold"] >= 0).all()
    return index


def channel_stats(paths, loader_fn, max_images=800, seed=0):
    """Mean/std of grayscale intensities, estimated on (a sample of) the given images."""
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(paths), size=min(max_images, len(paths)), replace=False)
    vals = np.concatenate([loader_fn(paths[i]).ravel() for i in pick]).astype(np.float64) / 255.0
    return float(vals.mean()), float(vals.std())
