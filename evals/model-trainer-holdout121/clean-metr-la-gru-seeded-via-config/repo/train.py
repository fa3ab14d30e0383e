import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from utils import MaskedScaler, load_config, masked_mae, seed_everything


class Windows(Dataset):
    def __init__(self, x, y, seq_len, horizon):
        self.x, self.y = torch.from_numpy(x), torch.from_numpy(y)
        self.seq_len, self.horizon = seq_len, horizon

    def __len__(self):
        return len(self.x) - self.seq_len - self.horizon + 1

    def __getitem__(self, i):
        j = i + self.seq_len
        return self.x[i:j], self.y[j:j + self.horizon]


class GRUForecaster(nn.Module):
    def __init__(self, n_nodes, hidden, num_layers, dropout, horizon):
        super().__init__()
        self.rnn = nn.GRU(n_nodes, hidden, num_layers, batch_first=True, dropout=dropout)
        self.norm = nn.LayerNorm(hidden)
        self.proj = nn.Linear(hidden, n_nodes * horizon)
        self.n_nodes, self.horizon = n_nodes, horizon

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.proj(self.norm(h[:, -1])).view(-1, self.horizon, self.n_nodes)


@torch.no_grad()
def run_eval(model, loader, scaler, device):
    model.eval()
    maes = []
    for x, y in loader:
        pred = scaler.inverse(model(x.to(device)))
        maes.append(masked_mae(pred, y.to(device)).item())
    return float(np.mean(maes))


def main(cfg):
    seed_everything(cfg["seed"])
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dc, mc, tc = cfg["data"], cfg["model"], cfg["train"]

    raw = pd.read_hdf(dc["path"]).to_numpy(dtype=np.float32)
    n = len(raw)
    a, b = int(n * dc["train_frac"]), int(n * (dc["train_frac"] + dc["val_frac"]))
    scaler = MaskedScaler().fit(raw[:a])
    scaled = scaler.transform(raw).astype(np.float32)

    def loader(lo, hi, shuffle):
        ds = Windows(scaled[lo:hi], raw[lo:hi], dc["seq_len"], dc["horizon"])
        return DataLoader(ds, batch_size=tc["batch_size"], shuffle=shuffle, drop_last=shuffle)

    train_dl, val_dl, test_dl = loader(0, a, True), loader(a, b, False), loader(b, n, False)

    model = GRUForecaster(raw.shape[1], mc["hidden"], mc["num_layers"], mc["dropout"], dc["horizon"]).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    best, wait = float("inf"), 0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(dev), y.to(dev)
            opt.zero_grad(set_to_none=True)
            loss = masked_mae(scaler.inverse(model(x)), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        val = run_eval(model, val_dl, scaler, dev)
        print(f"epoch {epoch} val_mae {val:.3f}")
        if val < best - 1e-4:
            best, wait = val, 0
            torch.save(model.state_dict(), "checkpoints/gru_best.pt")
        else:
            wait += 1
            if wait >= tc["patience"]:
                break

    model.load_state_dict(torch.load("checkpoints/gru_best.pt", map_location=dev))
    print(f"best val {best:.3f} | test MAE {run_eval(model, test_dl, scaler, dev):.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/metr_la.yaml")
    main(load_config(ap.parse_args().config))
