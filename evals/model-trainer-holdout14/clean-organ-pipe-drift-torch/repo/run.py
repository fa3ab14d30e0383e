import argparse
import logging

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from pipedrift.data import SPEC, PipeDrift, fit_stats
from pipedrift.engine import DriftNet, mean_abs_error, train
from pipedrift.utils import seed_everything

logging.basicConfig(level=logging.INFO)

p = argparse.ArgumentParser()
p.add_argument("--csv", default="data/organ_pipe_checks.csv")
p.add_argument("--seed", type=int, default=1685)
p.add_argument("--accum", type=int, default=4)
p.add_argument("--epochs", type=int, default=120)
a = p.parse_args()
seed_everything(a.seed)

df = pd.read_csv(a.csv)
# keep every pipe of one organ on the same side of each split
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=a.seed)
dev_i, test_i = next(gss.split(df, groups=df["organ_id"]))
dev, test = df.iloc[dev_i], df.iloc[test_i]
gss_val = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=a.seed + 1)
tr_i, va_i = next(gss_val.split(dev, groups=dev["organ_id"]))
train_df, val_df = dev.iloc[tr_i], dev.iloc[va_i]

stats = fit_stats(train_df)
dl = lambda d, shuf: DataLoader(PipeDrift(d, stats), batch_size=64, shuffle=shuf)
model = DriftNet(len(SPEC))
train(model, dl(train_df, True), dl(val_df, False), a.epochs, 1e-3, a.accum, patience=12, ckpt_path="drift_best.pt")

test_mae = mean_abs_error(model, dl(test, False))
baseline = np.abs(test["cents_drift"] - train_df["cents_drift"].median()).mean()
rmse_naive = np.sqrt(((test["cents_drift"] - train_df["cents_drift"].mean()) ** 2).mean())
print(f"test MAE {test_mae:.2f} cents | median baseline {baseline:.2f} | mean baseline RMSE {rmse_naive:.2f}")
