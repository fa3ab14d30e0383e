"""Score the saved checkpoint on the held-out 2021-2023 seasons.

python evaluate.py --config configs/default.json
"""
import argparse
import json

import numpy as np
import torch
from torch.utils.data import DataLoader

from cyclone.data import PREDICTORS, TARGET, IntensityFixes, fit_normalizer, load_seasons
from cyclone.model import IntensityMLP


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/default.json")
    cfg = json.load(open(ap.parse_args().config))

    ckpt = torch.load(cfg["checkpoint"], map_location="cpu")
    model = IntensityMLP(len(PREDICTORS), cfg["hidden"], cfg["dropout"])
    model.load_state_dict(ckpt["model"])
    model.eval()

    test_df = load_seasons(cfg["snapshots"], *cfg["test_seasons"])
    test_ds = IntensityFixes(test_df, fit_normalizer(test_df))
    loader = DataLoader(test_ds, batch_size=1024)

    preds = []
    with torch.no_grad():
        for xb, _ in loader:
            preds.append(model(xb).squeeze(1).numpy())
    pred = np.concatenate(preds)
    y = test_df[TARGET].to_numpy()

    persistence = np.zeros_like(y)                         # "no change in 24 h"
    trend = np.clip(2.0 * test_df["dvmax_12h"].to_numpy(), -60, 60)   # extrapolate last 12 h change
    for name, p in [("mlp", pred), ("persistence", persistence), ("12h trend", trend)]:
        rmse = float(np.sqrt(np.mean((p - y) ** 2)))
        mae = float(np.mean(np.abs(p - y)))
        print(f"{name:12s} RMSE {rmse:6.2f} kt   MAE {mae:6.2f} kt")


if __name__ == "__main__":
    main()
