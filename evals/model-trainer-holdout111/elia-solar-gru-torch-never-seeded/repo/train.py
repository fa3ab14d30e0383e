import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from dataset import NowcastWindows, load_elia
from utils import nmae, seed_everything, skill


class GRUNowcaster(nn.Module):
    def __init__(self, n_hist, n_fut, horizon, hidden, dropout):
        super().__init__()
        self.encoder = nn.GRU(n_hist, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.decoder = nn.Sequential(
            nn.Linear(hidden + horizon * n_fut, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, horizon),
        )

    def forward(self, hist, fut):
        _, h = self.encoder(hist)
        z = torch.cat([self.drop(h[-1]), fut.flatten(1)], dim=1)
        return torch.sigmoid(self.decoder(z))  # load factor in [0, 1]


def predict(model, loader, device):
    model.eval()
    preds, ys = [], []
    with torch.no_grad():
        for hist, fut, y in loader:
            preds.append(model(hist.to(device), fut.to(device)).cpu().numpy())
            ys.append(y.numpy())
    return np.concatenate(preds), np.concatenate(ys)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    frame = load_elia(cfg["data"]["path"])
    n_train = frame.index.searchsorted(pd.Timestamp(cfg["data"]["train_end"]), side="right")
    n_val = frame.index.searchsorted(pd.Timestamp(cfg["data"]["val_end"]), side="right")
    H, F = cfg["window"]["history"], cfg["window"]["horizon"]

    train_ds = NowcastWindows(frame.iloc[:n_train], H, F)
    val_ds = NowcastWindows(frame.iloc[:n_val], H, F, first_target=n_train)
    test_ds = NowcastWindows(frame, H, F, first_target=n_val)

    tc = cfg["train"]
    train_dl = DataLoader(train_ds, batch_size=tc["batch_size"], shuffle=True, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=2048)
    test_dl = DataLoader(test_ds, batch_size=2048)

    model = GRUNowcaster(4, 3, F, tc["hidden"], tc["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"])
    loss_fn = nn.L1Loss()

    best, wait = np.inf, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for hist, fut, y in train_dl:
            hist, fut, y = hist.to(device), fut.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(hist, fut), y)
            loss.backward()
            opt.step()
        p, yv = predict(model, val_dl, device)
        val_score = nmae(yv, p)
        print(f"epoch {epoch:02d}  val nMAE {val_score:.4f}")
        if val_score < best:
            best, wait = val_score, 0
            torch.save(model.state_dict(), "gru_nowcast_best.pt")
        else:
            wait += 1
            if wait >= tc["patience"]:
                break

    model.load_state_dict(torch.load("gru_nowcast_best.pt"))
    p, yt = predict(model, test_dl, device)
    da = np.stack([test_ds.fut[t:t + F, 0] for t in test_ds.starts])
    test_score, da_score = nmae(yt, p), nmae(yt, da)
    print(f"test nMAE {test_score:.4f} | Elia day-ahead {da_score:.4f} | skill {skill(test_score, da_score):.1%}")


if __name__ == "__main__":
    main()
