import os
import random

import numpy as np
import pandas as pd
import torch

COLS = ["unit_nr", "time_cycles", "setting_1", "setting_2", "setting_3"] + [f"s_{i}" for i in range(1, 22)]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def read_cmapss(data_dir, subset):
    rd = lambda f: pd.read_csv(f"{data_dir}/{f}_{subset}.txt", sep=r"\s+", header=None, names=COLS)
    return rd("train"), rd("test"), np.loadtxt(f"{data_dir}/RUL_{subset}.txt")


def windows(df, sensors, window):
    xs, ys = [], []
    for _, g in df.groupby("unit_nr"):
        v = g[sensors].to_numpy(np.float32)
        r = g["RUL"].to_numpy(np.float32)
        for end in range(window, len(g) + 1):
            xs.append(v[end - window:end].T)
            ys.append(r[end - 1])
    return torch.from_numpy(np.stack(xs)), torch.from_numpy(np.array(ys))


def last_window(df, sensors, window):
    out = []
    for _, g in df.groupby("unit_nr"):
        v = g[sensors].to_numpy(np.float32)
        if len(v) < window:
            v = np.pad(v, ((window - len(v), 0), (0, 0)), mode="edge")
        out.append(v[-window:].T)
    return torch.from_numpy(np.stack(out))


@torch.no_grad()
def predict(model, x, device, batch_size=1024):
    model.eval()
    out = [model(x[i:i + batch_size].to(device)).cpu() for i in range(0, len(x), batch_size)]
    return torch.cat(out)


def rmse(pred, target):
    return float(torch.sqrt(torch.mean((pred - target) ** 2)))
