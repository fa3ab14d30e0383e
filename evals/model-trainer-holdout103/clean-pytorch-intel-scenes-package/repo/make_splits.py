"""Create stratified train/val/test folders (symlinks) from data/intel_raw/<class>/*.jpg."""
import os
import sys
from pathlib import Path

import yaml
from sklearn.model_selection import train_test_split


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    raw = Path(cfg["raw_dir"])
    files, labels = [], []
    for cls_dir in sorted(p for p in raw.iterdir() if p.is_dir()):
        for img in sorted(cls_dir.glob("*.jpg")):
            files.append(img)
            labels.append(cls_dir.name)

    holdout = cfg["val_fraction"] + cfg["test_fraction"]
    f_train, f_rest, y_train, y_rest = train_test_split(
        files, labels, test_size=holdout, stratify=labels, random_state=cfg["seed"])
    f_val, f_test, y_val, y_test = train_test_split(
        f_rest, y_rest, test_size=cfg["test_fraction"] / holdout, stratify=y_rest,
        random_state=cfg["seed"])

    for split, fs, ys in [("train", f_train, y_train), ("val", f_val, y_val), ("test", f_test, y_test)]:
        for f, y in zip(fs, ys):
            dst = Path(cfg["splits_dir"]) / split / y / f.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            if not dst.exists():
                os.symlink(f.resolve(), dst)
        print(split, len(fs))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/efficientnet_b0.yaml")
