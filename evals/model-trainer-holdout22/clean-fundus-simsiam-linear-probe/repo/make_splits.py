"""Patient-grouped, grade-stratified train/val/test split of the labelled fundus set (both eyes stay together)."""
import json

import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold

SEED = 1701
labels = pd.read_csv("data/labels.csv")          # image, patient, grade (0-4)
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
dev_idx, test_idx = next(outer.split(labels, labels.grade, groups=labels.patient))
dev = labels.iloc[dev_idx]
inner = StratifiedGroupKFold(n_splits=8, shuffle=True, random_state=SEED)
tr_idx, va_idx = next(inner.split(dev, dev.grade, groups=dev.patient))
splits = {
    "train": dev.iloc[tr_idx].image.tolist(),
    "val": dev.iloc[va_idx].image.tolist(),
    "test": labels.iloc[test_idx].image.tolist(),
}
json.dump(splits, open("data/splits.json", "w"))
print({k: len(v) for k, v in splits.items()})
