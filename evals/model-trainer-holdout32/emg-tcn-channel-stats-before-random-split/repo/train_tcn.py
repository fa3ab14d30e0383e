# train_tcn.py -- grip-force regression from 8-channel EMG windows
# each sample = one 2 s trial (separate recording), X: (N, 8, 400), y: peak force in N
#
#   python train_tcn.py            (all settings in CONFIG below)

import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, random_split

CONFIG = dict(
    data="data/emg_trials_v2.npz",
    seed=99,
    batch_size=64,
    lr=2e-3,
    weight_decay=1e-4,
    epochs=150,
    patience=15,
    channels=(32, 64, 64),
    kernel=7,
    dropout=0.2,
    split=(0.7, 0.15, 0.15),
    ckpt="checkpoints/tcn_best.pt",
)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class TCN(nn.Module):
    def __init__(self, c_in, channels=(32, 64, 64), kernel=7, dropout=0.2):
        super().__init__()
        layers, c = [], c_in
        for i, h in enumerate(channels):
            layers += [nn.Conv1d(c, h, kernel, padding=(kernel // 2) * 2 ** i, dilation=2 ** i),
                       nn.BatchNorm1d(h), nn.GELU(), nn.Dropout(dropout)]
            c = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(c, 1)

    def forward(self, x):
        return self.head(self.body(x).mean(-1)).squeeze(-1)


def run_epoch(model, loader, loss_fn, device, optimizer=None):
    train = optimizer is not None
    model.train(train)
    tot, n, abs_err = 0.0, 0, 0.0
    with torch.set_grad_enabled(train):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            if train:
                optimizer.zero_grad()
            pred = model(xb)
            loss = loss_fn(pred, yb)
            if train:
                loss.backward()
                optimizer.step()
            tot += loss.item() * len(yb)
            abs_err += (pred - yb).abs().sum().item()
            n += len(yb)
    return tot / n, abs_err / n


def main(cfg=CONFIG):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    arr = np.load(cfg["data"])
    X = torch.tensor(arr["X"], dtype=torch.float32)
    y = torch.tensor(arr["y"], dtype=torch.float32)
    print("X", tuple(X.shape), "y mean %.2f sd %.2f" % (y.mean(), y.std()))

    # per-channel z-score
    ch_mean = X.mean(dim=(0, 2), keepdim=True)
    ch_std = X.std(dim=(0, 2), keepdim=True)
    X = (X - ch_mean) / (ch_std + 1e-8)

    ds = TensorDataset(X, y)
    n = len(ds)
    n_tr, n_va = int(cfg["split"][0] * n), int(cfg["split"][1] * n)
    tr_ds, va_ds, te_ds = random_split(ds, [n_tr, n_va, n - n_tr - n_va],
                                       generator=torch.Generator().manual_seed(cfg["seed"]))
    dl = lambda d, sh: DataLoader(d, batch_size=cfg["batch_size"], shuffle=sh)
    tr_dl, va_dl, te_dl = dl(tr_ds, True), dl(va_ds, False), dl(te_ds, False)

    # baseline: predict the mean training force
    y_tr_mean = y[tr_ds.indices].mean()
    base_mae = (y[te_ds.indices] - y_tr_mean).abs().mean().item()

    model = TCN(X.shape[1], cfg["channels"], cfg["kernel"], cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = nn.SmoothL1Loss()
    os.makedirs(os.path.dirname(cfg["ckpt"]), exist_ok=True)

    best, wait = float("inf"), 0
    for ep in range(cfg["epochs"]):
        tr_loss, tr_mae = run_epoch(model, tr_dl, loss_fn, device, opt)
        va_loss, va_mae = run_epoch(model, va_dl, loss_fn, device)
        print(f"{ep:03d} train {tr_loss:.4f}/{tr_mae:.3f}  val {va_loss:.4f}/{va_mae:.3f}")
        if va_loss < best - 1e-4:
            best, wait = va_loss, 0
            torch.save(model.state_dict(), cfg["ckpt"])
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    te_loss, te_mae = run_epoch(model, te_dl, loss_fn, device)
    model.eval()
    with torch.no_grad():
        preds = torch.cat([model(xb.to(device)).cpu() for xb, _ in te_dl])
    y_te = torch.cat([yb for _, yb in te_dl])
    rmse = ((preds - y_te) ** 2).mean().sqrt().item()
    res = {"test_mae": te_mae, "test_rmse": rmse, "baseline_mae": base_mae, "best_val_loss": best}
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
