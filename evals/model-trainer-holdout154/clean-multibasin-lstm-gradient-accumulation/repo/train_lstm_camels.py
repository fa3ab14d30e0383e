"""Multi-basin daily streamflow LSTM (CAMELS-US, 531 basins).

Train 1999-10-01..2008-09-30, validation 1980-10-01..1989-09-30, test 1989-10-01..1999-09-30
(the usual Kratzert et al. periods). Batches are small on the 8 GB card, so gradients are
accumulated over `accum` mini-batches before each optimizer step.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

FORCINGS = ["prcp", "srad", "tmax", "tmin", "vp"]
ATTRS = ["p_mean", "pet_mean", "aridity", "frac_snow", "elev_mean", "slope_mean", "area_gages2", "frac_forest",
         "soil_depth_pelletier", "max_water_content", "clay_frac", "sand_frac"]


class BasinWindows(Dataset):
    def __init__(self, frame, attrs, seq_len, stats):
        self.seq_len = seq_len
        self.items, self.data = [], {}
        for gid, g in frame.groupby("gauge_id"):
            x = ((g[FORCINGS] - stats["x_mean"]) / stats["x_std"]).values.astype(np.float32)
            a = ((attrs.loc[gid, ATTRS] - stats["a_mean"]) / stats["a_std"]).values.astype(np.float32)
            y = g["qobs_mm"].values.astype(np.float32)
            self.data[gid] = (x, a, y, np.float32(stats["q_std"][gid]))
            self.items += [(gid, t) for t in range(seq_len - 1, len(g)) if not np.isnan(y[t])]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        gid, t = self.items[i]
        x, a, y, qs = self.data[gid]
        seq = np.concatenate([x[t - self.seq_len + 1:t + 1], np.repeat(a[None], self.seq_len, 0)], 1)
        return torch.from_numpy(np.nan_to_num(seq)), torch.tensor([y[t]]), torch.tensor([qs])


class HydroLSTM(nn.Module):
    def __init__(self, n_in, hidden=256, dropout=0.4):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(self.drop(out[:, -1]))


def nse_star(pred, obs, q_std, eps=0.1):
    return (((pred - obs) ** 2) / (q_std + eps) ** 2).mean()


def median_nse(model, loader, device):
    model.eval()
    rows = []
    with torch.no_grad():
        for x, y, _ in loader:
            rows.append(torch.cat([model(x.to(device)).cpu(), y], 1).numpy())
    pred, obs = np.concatenate(rows).T
    gids = [g for g, _ in loader.dataset.items]
    df = pd.DataFrame({"gid": gids, "pred": pred, "obs": obs})
    nse = df.groupby("gid").apply(lambda d: 1 - ((d.obs - d.pred) ** 2).sum() / ((d.obs - d.obs.mean()) ** 2).sum())
    return float(nse.median())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--seq-len", type=int, default=365)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    ts = pd.read_parquet("data/camels_daily.parquet")
    attrs = pd.read_csv("data/camels_attributes.csv", index_col="gauge_id")
    period = lambda a, b: ts[(ts["date"] >= a) & (ts["date"] <= b)]
    tr, va = period("1999-10-01", "2008-09-30"), period("1980-10-01", "1989-09-30")
    stats = {"x_mean": tr[FORCINGS].mean(), "x_std": tr[FORCINGS].std(),
             "a_mean": attrs[ATTRS].mean(), "a_std": attrs[ATTRS].std(),
             "q_std": tr.groupby("gauge_id")["qobs_mm"].std()}

    train_dl = DataLoader(BasinWindows(tr, attrs, args.seq_len, stats), batch_size=args.batch, shuffle=True, num_workers=4)
    val_dl = DataLoader(BasinWindows(va, attrs, args.seq_len, stats), batch_size=2048)

    model = HydroLSTM(len(FORCINGS) + len(ATTRS)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, (x, y, qs) in enumerate(train_dl, 1):
            loss = nse_star(model(x.to(device)), y.to(device), qs.to(device)) / args.accum
            loss.backward()
            if step % args.accum == 0 or step == len(train_dl):
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad()
        print(f"epoch {epoch:02d}  val median NSE {median_nse(model, val_dl, device):.3f}")

    torch.save(model.state_dict(), f"hydrolstm_seed{args.seed}.pt")


if __name__ == "__main__":
    main()
