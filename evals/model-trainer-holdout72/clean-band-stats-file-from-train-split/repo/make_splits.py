"""Write region-grouped, class-stratified train/val/test tile lists."""
import json

import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import StratifiedGroupKFold


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    meta = pd.read_csv(cfg["paths"]["metadata"])
    y = meta["label"].to_numpy()
    regions = meta["region_id"].to_numpy()

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    dev, test = next(outer.split(meta, y, regions))
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"] + 1)
    tr, va = next(inner.split(meta.iloc[dev], y[dev], regions[dev]))
    splits = {
        "train": meta["tile_id"].iloc[dev[tr]].tolist(),
        "val": meta["tile_id"].iloc[dev[va]].tolist(),
        "test": meta["tile_id"].iloc[test].tolist(),
    }
    for k, v in splits.items():
        print(k, len(v), np.bincount(meta.set_index("tile_id").loc[v, "label"]))
    json.dump(splits, open(cfg["paths"]["splits"], "w"))


if __name__ == "__main__":
    main()
