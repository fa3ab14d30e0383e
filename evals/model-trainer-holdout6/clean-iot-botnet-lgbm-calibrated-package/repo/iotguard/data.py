import hashlib
from pathlib import Path

import pandas as pd

from . import config

FEATURES = ["MI_dir_L5_weight", "MI_dir_L5_mean", "MI_dir_L5_variance", "H_L5_weight", "H_L5_mean",
            "HH_L5_magnitude", "HH_L5_radius", "HH_L5_covariance", "HH_jit_L5_mean", "HH_jit_L5_variance",
            "HpHp_L5_magnitude", "HpHp_L5_radius", "HpHp_L5_pcc", "pkt_size_mean", "iat_mean"]


def _sha1(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_days(names):
    frames = []
    for name in names:
        path = Path(config.DATA_DIR) / name
        if _sha1(path) != config.CAPTURE_SHA1[name]:
            raise ValueError(f"checksum mismatch for {path}")
        frames.append(pd.read_parquet(path).assign(capture=name))
    flows = pd.concat(frames, ignore_index=True)
    return flows[FEATURES], flows["is_botnet"].astype(int)
