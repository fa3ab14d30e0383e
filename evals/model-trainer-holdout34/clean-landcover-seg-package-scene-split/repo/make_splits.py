import sys

import pandas as pd

from src.landseg.data import assign_splits
from src.landseg.utils import load_cfg

cfg = load_cfg(sys.argv[1] if len(sys.argv) > 1 else "configs/landcover.yaml")
tiles = pd.read_csv(cfg["paths"]["tiles_csv"])
split = assign_splits(tiles, cfg["split"]["test_frac"], cfg["split"]["val_frac"], cfg["seed"])
split.to_csv(cfg["paths"]["splits_csv"], index=False)
print(split.groupby("split").agg(tiles=("tile_path", "size"), scenes=("scene_id", "nunique")))
