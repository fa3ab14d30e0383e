"""Patient-level, label-stratified splits written once to disk so every script uses the same ones."""
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold


def make_splits(meta: pd.DataFrame, seed: int) -> pd.DataFrame:
    meta = meta.copy()
    meta["split"] = "train"
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(meta, meta["pneumonia"], groups=meta["patient_id"]))
    meta.iloc[test_idx, meta.columns.get_loc("split")] = "test"
    dev = meta.iloc[dev_idx]
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 1)
    _, val_rel = next(inner.split(dev, dev["pneumonia"], groups=dev["patient_id"]))
    meta.loc[dev.index[val_rel], "split"] = "val"
    return meta
