import argparse
import logging
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from organ.data import DriftWindows
from organ.model import DriftNet
from organ.trainer import Trainer

FEATURES = ["nave_temp_c", "nave_rh", "swell_box_temp_c", "blower_hours", "heating_on", "outside_temp_c"]


def seed_all(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/st_brides_climate_hourly.csv")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_all(args.seed)

    df = pd.read_csv(args.csv, parse_dates=["ts"]).sort_values("ts")
    n = len(df)
    tr_df, va_df, te_df = df.iloc[: int(0.7 * n)], df.iloc[int(0.7 * n): int(0.85 * n)], df.iloc[int(0.85 * n):]

    tr_ds = DriftWindows(tr_df, FEATURES)
    va_ds = DriftWindows(va_df, FEATURES, mean=tr_ds.mean, std=tr_ds.std)
    te_ds = DriftWindows(te_df, FEATURES, mean=tr_ds.mean, std=tr_ds.std)

    model = DriftNet(len(FEATURES), n_ranks=int(df["rank_idx"].max()) + 1)
    trainer = Trainer(model)
    trainer.fit(DataLoader(tr_ds, batch_size=128, shuffle=True),
                DataLoader(va_ds, batch_size=512), epochs=args.epochs)

    test = trainer.evaluate(DataLoader(te_ds, batch_size=512))
    persistence = np.abs(te_ds.y[te_ds.window - 1:-1] - te_df["drift_cents_now"].to_numpy()[te_ds.window - 1:-1]).mean()
    print(f"test MAE {test['mae']:.2f} cents  RMSE {test['rmse']:.2f}  | persistence MAE {persistence:.2f}")


if __name__ == "__main__":
    main()
