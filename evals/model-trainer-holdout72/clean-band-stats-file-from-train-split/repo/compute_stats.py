"""Per-band mean/std for input normalisation.

Accumulates sums over the tiles listed under the "train" key of the splits file.
"""
import json

import numpy as np
import yaml

from agrotiles.io import read_tile


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    tile_ids = json.load(open(cfg["paths"]["splits"]))["train"]
    n, s, ss = 0, None, None
    for tid in tile_ids:
        arr = read_tile(cfg["paths"]["tiles"], tid).astype("float64")
        flat = arr.reshape(arr.shape[0], -1)
        s = flat.sum(1) if s is None else s + flat.sum(1)
        ss = (flat ** 2).sum(1) if ss is None else ss + (flat ** 2).sum(1)
        n += flat.shape[1]
    mean = s / n
    std = np.sqrt(ss / n - mean ** 2)
    json.dump({"mean": mean.tolist(), "std": std.tolist(), "n_tiles": len(tile_ids)},
              open(cfg["paths"]["band_stats"], "w"), indent=2)
    print("bands:", len(mean), "tiles:", len(tile_ids))


if __name__ == "__main__":
    main()
