"""Patient-level, class-stratified split of the beat table into train/val/test .npz files.

    python scripts/make_splits.py --beats data/raw/beats.npz --out data/splits --seed 88
"""
import argparse
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--beats", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()

    raw = np.load(args.beats)
    x, y, patient = raw["signals"], raw["labels"], raw["patient_id"]
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    dev_idx, test_idx = next(outer.split(x, y, groups=patient))
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    tr_rel, va_rel = next(inner.split(x[dev_idx], y[dev_idx], groups=patient[dev_idx]))
    parts = {"train": dev_idx[tr_rel], "val": dev_idx[va_rel], "test": test_idx}

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, idx in parts.items():
        np.savez_compressed(out / f"{name}.npz", signals=x[idx], labels=y[idx], patient_id=patient[idx])
        print(name, len(idx), np.bincount(y[idx], minlength=5))


if __name__ == "__main__":
    main()
