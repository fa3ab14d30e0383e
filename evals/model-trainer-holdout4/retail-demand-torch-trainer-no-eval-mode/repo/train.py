"""Weekly demand model: train on weeks < 2023-W27, validate on W27-W39, test on W40-W52."""
import argparse
import json
import logging
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from src.demand.model import DemandMLP
from src.demand.trainer import Trainer

NUMERIC = ["lag1_log", "lag4_mean_log", "lag52_log", "price_idx", "promo_flag", "week_sin", "week_cos", "holiday_weeks"]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def to_loader(df, stats, batch_size, shuffle):
    num = ((df[NUMERIC] - stats["mean"]) / stats["std"]).to_numpy(dtype=np.float32)
    tensors = (
        torch.as_tensor(df["store_idx"].to_numpy()),
        torch.as_tensor(df["item_idx"].to_numpy()),
        torch.as_tensor(df["dept_idx"].to_numpy()),
        torch.as_tensor(num),
        torch.as_tensor(np.log1p(df["units_next_week"].to_numpy(dtype=np.float32))),
    )
    return DataLoader(TensorDataset(*tensors), batch_size=batch_size, shuffle=shuffle)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/weekly_store_item.parquet")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    weekly = pd.read_parquet(args.data)
    train_df = weekly[weekly.week_start < "2023-07-03"]
    val_df = weekly[(weekly.week_start >= "2023-07-03") & (weekly.week_start < "2023-10-02")]
    test_df = weekly[weekly.week_start >= "2023-10-02"]
    stats = {"mean": train_df[NUMERIC].mean(), "std": train_df[NUMERIC].std().replace(0, 1.0)}

    model = DemandMLP(weekly.store_idx.max() + 1, weekly.item_idx.max() + 1, weekly.dept_idx.max() + 1, len(NUMERIC))
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-5)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=2)
    trainer = Trainer(model, optimizer, torch.nn.MSELoss(), device="cuda" if torch.cuda.is_available() else "cpu",
                      patience=6, ckpt_path="checkpoints/demand_mlp.pt", scheduler=scheduler)
    trainer.fit(to_loader(train_df, stats, 1024, True), to_loader(val_df, stats, 4096, False), args.epochs)

    test_loader = to_loader(test_df, stats, 4096, False)
    results = {"mlp": trainer.evaluate(test_loader)}
    naive_units = np.expm1(test_df["lag1_log"].to_numpy())
    truth = test_df["units_next_week"].to_numpy()
    results["naive_last_week"] = {
        "mae_units": float(np.mean(np.abs(naive_units - truth))),
        "wape": float(np.abs(naive_units - truth).sum() / truth.sum()),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
