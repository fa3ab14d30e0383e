"""Board-level train/val/test assignment: every crop of a PCB stays in one split."""
import argparse

import pandas as pd
import yaml
from sklearn.model_selection import StratifiedGroupKFold


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    df = pd.read_csv(cfg["data"]["index_csv"])

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(df, df["label"], groups=df["board_id"]))
    df["split"] = "train"
    df.loc[df.index[test_idx], "split"] = "test"

    dev = df.iloc[dev_idx]
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    _, val_idx = next(inner.split(dev, dev["label"], groups=dev["board_id"]))
    df.loc[dev.index[val_idx], "split"] = "val"

    assert not set(df.loc[df.split == "test", "board_id"]) & set(df.loc[df.split != "test", "board_id"])
    print(pd.crosstab(df["label"], df["split"]))
    df.to_csv(cfg["data"]["splits_csv"], index=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/convnext_tiny.yaml")
    main(ap.parse_args().config)
