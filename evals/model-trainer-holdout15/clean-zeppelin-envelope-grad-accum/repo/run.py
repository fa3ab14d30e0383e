"""python run.py --windows data/gasbag_windows.pkl"""
import argparse
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from torch.utils.data import DataLoader

from envelope.data import SENSORS, GasbagWindows, channel_stats
from envelope.model import LeakLSTM
from envelope.trainer import LeakTrainer
from envelope.utils import seed_everything

p = argparse.ArgumentParser()
p.add_argument("--windows", default="data/gasbag_windows.pkl")
p.add_argument("--seed", type=int, default=99)
p.add_argument("--epochs", type=int, default=60)
p.add_argument("--accum-steps", type=int, default=4)
p.add_argument("--ckpt", default="checkpoints/leak_lstm.pt")
args = p.parse_args()
logging.basicConfig(level=logging.INFO)
gen = seed_everything(args.seed)

frame = pd.read_pickle(args.windows).sort_values("window_end")
# windows are time-ordered: train on the oldest 70%, validate on the next 15%, test on the newest 15%
n = len(frame)
train_f = frame.iloc[: int(0.70 * n)]
val_f = frame.iloc[int(0.70 * n): int(0.85 * n)]
test_f = frame.iloc[int(0.85 * n):]

mean, std = channel_stats(train_f)
train_ds, val_ds, test_ds = (GasbagWindows(f, mean, std) for f in (train_f, val_f, test_f))
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True, generator=gen)
val_dl = DataLoader(val_ds, batch_size=256)
test_dl = DataLoader(test_ds, batch_size=256)

Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)
trainer = LeakTrainer(LeakLSTM(len(SENSORS)), lr=1e-3, accum_steps=args.accum_steps, patience=8,
                      ckpt=Path(args.ckpt), device="cpu")
best_val = trainer.fit(train_dl, val_dl, args.epochs)

# baselines on flattened windows: ridge, and "same as last week's loss"
ridge = Ridge(alpha=1.0).fit(train_ds.x.flatten(1).numpy(), train_ds.y.numpy())
ridge_mae = np.abs(ridge.predict(test_ds.x.flatten(1).numpy()) - test_ds.y.numpy()).mean()
persist_mae = np.abs(test_f["prev_week_loss_m3_day"].to_numpy() - test_f["loss_m3_day"].to_numpy()).mean()
logging.info("val MAE %.4f | test MAE lstm %.4f  ridge %.4f  persistence %.4f",
             best_val, trainer.mae(test_dl), ridge_mae, persist_mae)
