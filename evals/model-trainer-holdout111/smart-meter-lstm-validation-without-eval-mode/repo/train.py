import copy
import json
import random
import sys

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from data import WindowDataset, load_lcl, time_features
from model import LoadLSTM


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    abs_err, abs_err_kwh, n = 0.0, 0.0, 0
    for x, y, scale in loader:
        x, y, scale = x.to(device), y.to(device), scale.to(device)
        pred = model(x)
        err = (pred - y).abs()
        abs_err += err.sum().item()
        abs_err_kwh += (err * scale[:, None]).sum().item()
        n += y.numel()
    return abs_err / n, abs_err_kwh / n


def main(cfg_path="config.json"):
    with open(cfg_path) as f:
        cfg = json.load(f)
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    wide = load_lcl(cfg["data_path"], cfg["n_households"])
    val_start, test_start = pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"])
    n_val = wide.index.searchsorted(val_start)
    n_test = wide.index.searchsorted(test_start)

    # per-household scale: mean kWh over the training months
    scales = wide.iloc[:n_val].mean().clip(lower=0.01).to_numpy()
    values = wide.to_numpy() / scales
    tfeat = time_features(wide.index)
    lb, hz, st = cfg["lookback"], cfg["horizon"], cfg["stride"]

    train_ds = WindowDataset(values[:n_val], tfeat[:n_val], scales, lb, hz, st)
    val_ds = WindowDataset(values[:n_test], tfeat[:n_test], scales, lb, hz, hz, first_target=n_val)
    test_ds = WindowDataset(values, tfeat, scales, lb, hz, hz, first_target=n_test)

    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=g, num_workers=2)
    val_dl = DataLoader(val_ds, batch_size=1024)
    test_dl = DataLoader(test_ds, batch_size=1024)
    print(f"windows: train={len(train_ds)} val={len(val_ds)} test={len(test_ds)}")

    model = LoadLSTM(1 + tfeat.shape[1], cfg["hidden"], cfg["layers"], hz, cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=2)

    best, best_state, bad = float("inf"), None, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for x, y, _ in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = F.l1_loss(model(x), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            running += loss.item() * len(x)

        val_mae, val_kwh = evaluate(model, val_dl, device)
        sched.step(val_mae)
        print(f"epoch {epoch:02d} train {running / len(train_ds):.4f} val {val_mae:.4f} ({val_kwh:.4f} kWh)")
        if val_mae < best:
            best, best_state, bad = val_mae, copy.deepcopy(model.state_dict()), 0
        else:
            bad += 1
            if bad >= cfg["patience"]:
                break

    model.load_state_dict(best_state)
    test_mae, test_kwh = evaluate(model, test_dl, device)
    print(f"TEST  MAE {test_mae:.4f} (normalised)  {test_kwh:.4f} kWh per half hour")
    torch.save(model.state_dict(), "lstm_lcl.pt")


if __name__ == "__main__":
    main(*sys.argv[1:])
