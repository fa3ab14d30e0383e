"""Assign every camera-trap image to train/val/test by camera location.

Images from one location are highly correlated (same background, same individuals), so whole
locations go to one split. Run once; writes splits/idaho_splits.csv.
"""
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

from utils import SEED

meta = pd.read_csv("data/idaho_camera_traps_crops.csv")   # crop_path, species, location, datetime
meta = meta[~meta["species"].isin(["empty", "unknown"])].copy()

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(meta, groups=meta["location"]))
dev = meta.iloc[dev_idx]
inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
tr_idx, va_idx = next(inner.split(dev, groups=dev["location"]))

meta["split"] = "test"
meta.loc[dev.index[tr_idx], "split"] = "train"
meta.loc[dev.index[va_idx], "split"] = "val"
assert meta.groupby("location")["split"].nunique().max() == 1
meta.to_csv("splits/idaho_splits.csv", index=False)
print(meta.groupby("split").agg(images=("crop_path", "size"), locations=("location", "nunique")))
