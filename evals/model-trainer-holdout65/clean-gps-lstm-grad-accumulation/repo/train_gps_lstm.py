"""Soft-tissue injury in the next 14 days from the previous 28 days of GPS + wellness.

Windows are large (28 x 22 channels per player-day) and the training box has a small GPU,
so the effective batch of 256 is built from 8 micro-batches of 32.
"""
import random

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

S = yaml.safe_load(open("settings.yaml"))


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


class GpsLSTM(nn.Module):
    def __init__(self, n_channels: int, hidden: int, dropout: float):
        super().__init__()
        self.lstm = nn.LSTM(n_channels, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.out(self.drop(h[-1])).squeeze(1)


def scores(model, loader, device):
    model.eval()
    out, ys = [], []
    with torch.inference_mode():
        for x, y in loader:
            out.append(torch.sigmoid(model(x.to(device))).cpu())
            ys.append(y)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def main() -> None:
    gen = seed_everything(S["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    arr = np.load(S["windows_path"])
    X, y = arr["X"].astype(np.float32), arr["y"].astype(np.float32)
    meta = pd.read_csv(S["meta_path"], parse_dates=["anchor_date"])

    tr = (meta["anchor_date"] < S["valid_from"]).to_numpy()
    va = ((meta["anchor_date"] >= S["valid_from"]) & (meta["anchor_date"] < S["test_from"])).to_numpy()
    te = (meta["anchor_date"] >= S["test_from"]).to_numpy()
    mu, sd = X[tr].mean(axis=(0, 1)), X[tr].std(axis=(0, 1)) + 1e-6
    Xn = (X - mu) / sd

    mk = lambda m: TensorDataset(torch.from_numpy(Xn[m]), torch.from_numpy(y[m]))
    train_dl = DataLoader(mk(tr), batch_size=S["micro_batch"], shuffle=True, generator=gen, drop_last=True)
    valid_dl = DataLoader(mk(va), batch_size=1024)
    test_dl = DataLoader(mk(te), batch_size=1024)

    model = GpsLSTM(X.shape[2], S["hidden"], S["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=S["lr"])
    loss_fn = nn.BCEWithLogitsLoss()
    accum = S["accum_steps"]

    best_ap, wait = -1.0, 0
    for epoch in range(S["max_epochs"]):
        model.train()
        opt.zero_grad()
        for step, (xb, yb) in enumerate(train_dl, start=1):
            loss = loss_fn(model(xb.to(device)), yb.to(device)) / accum
            loss.backward()
            if step % accum == 0 or step == len(train_dl):
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad()

        p_va, y_va = scores(model, valid_dl, device)
        ap = average_precision_score(y_va, p_va)
        print(f"epoch {epoch:02d} valid AP {ap:.4f} AUC {roc_auc_score(y_va, p_va):.4f}")
        if ap > best_ap:
            best_ap, wait = ap, 0
            torch.save(model.state_dict(), S["checkpoint"])
        else:
            wait += 1
            if wait >= S["patience"]:
                break

    model.load_state_dict(torch.load(S["checkpoint"], map_location=device))
    p_te, y_te = scores(model, test_dl, device)

    acwr = lambda m: (X[m, -7:, 0].mean(1) / (X[m, :, 0].mean(1) + 1e-6)).reshape(-1, 1)
    base = LogisticRegression(max_iter=1000).fit(acwr(tr), y[tr])
    p_base = base.predict_proba(acwr(te))[:, 1]
    for name, p in [("ACWR logit", p_base), ("GPS LSTM", p_te)]:
        print(f"{name:>10}: AP {average_precision_score(y_te, p):.4f} AUC {roc_auc_score(y_te, p):.4f} "
              f"Brier {brier_score_loss(y_te, p):.4f}")


if __name__ == "__main__":
    main()
