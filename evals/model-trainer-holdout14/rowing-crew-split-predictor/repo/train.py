import argparse
import logging
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from rowsplit.data import STROKE_COLS, PieceDataset, split_by_crew
from rowsplit.model import SplitRegressor
from rowsplit.trainer import Trainer

logging.basicConfig(level=logging.INFO)


def seed_all(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/erg_and_water_pieces.csv")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=128)
    args = ap.parse_args()
    seed_all(args.seed)

    frame = pd.read_csv(args.csv)
    train_df, val_df, test_df = split_by_crew(frame, args.seed)
    mu = train_df[STROKE_COLS].to_numpy(np.float32).mean(0)
    sd = train_df[STROKE_COLS].to_numpy(np.float32).std(0) + 1e-6

    g = torch.Generator().manual_seed(args.seed)
    dl_tr = DataLoader(PieceDataset(train_df, mu, sd), batch_size=args.batch_size, shuffle=True, generator=g)
    dl_va = DataLoader(PieceDataset(val_df, mu, sd), batch_size=512)
    dl_te = DataLoader(PieceDataset(test_df, mu, sd), batch_size=512)

    trainer = Trainer(SplitRegressor(len(STROKE_COLS)))
    trainer.fit(dl_tr, dl_va, epochs=args.epochs)

    test_mae = trainer.evaluate(dl_te)
    baseline = np.abs(test_df["last500_split_s"] - train_df["last500_split_s"].median()).mean()
    print(f"test MAE {test_mae:.3f}s  (median-split baseline {baseline:.3f}s)")


if __name__ == "__main__":
    main()
