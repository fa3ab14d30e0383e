"""WM-811K -> 64x64 wafer maps, split by lot, augment rare classes in the training split."""
import cv2
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import GroupShuffleSplit

from augment import augment_minority

CLASSES = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch", "none"]


def main(cfg):
    rng = np.random.default_rng(cfg["seed"])
    df = pd.read_pickle(cfg["raw_pickle"])
    df["failureType"] = df["failureType"].map(lambda v: v[0][0] if len(v) else None)
    df = df.dropna(subset=["failureType"]).reset_index(drop=True)
    size = cfg["map_size"]
    X = np.stack([cv2.resize(m.astype(np.uint8), (size, size), interpolation=cv2.INTER_NEAREST)
                  for m in df["waferMap"]])
    y = df["failureType"].map(CLASSES.index).to_numpy()
    lots = df["lotName"].to_numpy()

    # wafers of one lot share process history -> keep lots together
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    trval, test = next(outer.split(X, y, groups=lots))
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["val_size"], random_state=cfg["seed"])
    tr, va = next(inner.split(X[trval], y[trval], groups=lots[trval]))
    tr, va = trval[tr], trval[va]

    X_tr, y_tr = augment_minority(X[tr], y[tr], cfg["min_per_class"], rng)
    print("train before/after aug:", np.bincount(y[tr], minlength=9), np.bincount(y_tr, minlength=9))
    np.savez_compressed(cfg["out_npz"], X_train=X_tr, y_train=y_tr, X_val=X[va], y_val=y[va],
                        X_test=X[test], y_test=y[test])


if __name__ == "__main__":
    main(yaml.safe_load(open("config.yaml")))
