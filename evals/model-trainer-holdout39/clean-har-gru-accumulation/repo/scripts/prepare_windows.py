import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from harnet.windows import channel_stats, make_windows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/gru.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    df = pd.read_csv(cfg["raw_csv"])
    X, y, subj = make_windows(df, cfg["channels"], cfg["window"], cfg["stride"])

    is_test = np.isin(subj, cfg["test_subjects"])
    is_val = np.isin(subj, cfg["val_subjects"])
    is_train = ~(is_test | is_val)
    mean, std = channel_stats(X[is_train])  # normalisation statistics from training subjects only

    out = Path(cfg["windows_dir"])
    out.mkdir(parents=True, exist_ok=True)
    for name, mask in (("train", is_train), ("val", is_val), ("test", is_test)):
        np.savez_compressed(out / f"{name}.npz", X=(X[mask] - mean) / std, y=y[mask], subject=subj[mask])
    np.savez(out / "norm.npz", mean=mean, std=std)


if __name__ == "__main__":
    main()
