"""Airport visibility nowcast: probability of visibility < 1000 m at t+1..t+3 h from the last 24 h of METAR/AWS data.

Split is chronological with a 24 h gap between periods so no input window straddles two periods.
"""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, Dataset

SEED = 314
WINDOW, LEADS = 24, 3
FEATURES = ["vis_log10", "rh", "t2m", "td2m", "t_td_spread", "wind_speed", "u10", "v10", "cloud_base_ft",
            "mslp", "precip_flag", "hour_sin", "hour_cos", "doy_sin", "doy_cos"]
PERIODS = {"train": ("2012-01-01", "2019-12-31"), "val": ("2020-01-02", "2021-06-30"), "test": ("2021-07-02", "2023-12-31")}
CKPT = Path("checkpoints/fog_lstm.pt")


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load():
    df = pd.read_parquet("data/airport_hourly_obs.parquet").set_index("valid_time").sort_index().asfreq("h")
    df["vis_log10"] = np.log10(df["visibility_m"].clip(50, 10000))
    df["t_td_spread"] = df["t2m"] - df["td2m"]
    df["u10"] = -df["wind_speed"] * np.sin(np.deg2rad(df["wind_dir"]))
    df["v10"] = -df["wind_speed"] * np.cos(np.deg2rad(df["wind_dir"]))
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * df.index.hour / 24), np.cos(2 * np.pi * df.index.hour / 24)
    df["doy_sin"], df["doy_cos"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25), np.cos(2 * np.pi * df.index.dayofyear / 365.25)
    df["low_vis"] = (df["visibility_m"] < 1000).astype(float).where(df["visibility_m"].notna())
    return df


class WindowSet(Dataset):
    def __init__(self, frame, scaler):
        x = scaler.transform(frame[FEATURES].to_numpy())
        lowvis = frame["low_vis"].to_numpy()
        self.items = []
        for end in range(WINDOW, len(frame) - LEADS + 1):
            xw, yw = x[end - WINDOW:end], lowvis[end:end + LEADS]
            if np.isnan(xw).any() or np.isnan(yw).any():
                continue
            self.items.append((xw.astype(np.float32), yw.astype(np.float32), float(lowvis[end - 1])))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        xw, yw, last = self.items[i]
        return torch.from_numpy(xw), torch.from_numpy(yw), torch.tensor(last)


class FogLSTM(nn.Module):
    def __init__(self, n_feat, hidden=64):
        super().__init__()
        self.lstm = nn.LSTM(n_feat, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Sequential(nn.Dropout(0.2), nn.Linear(hidden, LEADS))

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def predict(model, loader, device):
    model.eval()
    probs, obs, persist = [], [], []
    with torch.no_grad():
        for x, y, last in loader:
            probs.append(torch.sigmoid(model(x.to(device))).cpu().numpy())
            obs.append(y.numpy())
            persist.append(np.repeat(last.numpy()[:, None], LEADS, axis=1))
    return np.concatenate(probs), np.concatenate(obs), np.concatenate(persist)


def main():
    set_seeds(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = load()
    frames = {k: df.loc[a:b] for k, (a, b) in PERIODS.items()}
    scaler = StandardScaler().fit(frames["train"][FEATURES].dropna())
    sets = {k: WindowSet(f, scaler) for k, f in frames.items()}
    train_dl = DataLoader(sets["train"], batch_size=256, shuffle=True, generator=torch.Generator().manual_seed(SEED))
    val_dl = DataLoader(sets["val"], batch_size=1024, shuffle=False)
    test_dl = DataLoader(sets["test"], batch_size=1024, shuffle=False)

    pos_rate = np.mean([it[1].mean() for it in sets["train"].items])
    model = FogLSTM(len(FEATURES)).to(device)
    loss_fn = nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    best, patience, bad = float("inf"), 8, 0
    CKPT.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(100):
        model.train()
        for x, y, _ in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(x.to(device)), y.to(device))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        p_val, y_val, _ = predict(model, val_dl, device)
        val_brier = brier_score_loss(y_val.ravel(), p_val.ravel())
        print(f"epoch {epoch:02d} val brier {val_brier:.4f} val pr-auc {average_precision_score(y_val.ravel(), p_val.ravel()):.3f}")
        if val_brier < best:
            best, bad = val_brier, 0
            torch.save(model.state_dict(), CKPT)
        else:
            bad += 1
            if bad >= patience:
                break

    model.load_state_dict(torch.load(CKPT, map_location=device))
    p, y, pers = predict(model, test_dl, device)
    clim = np.full_like(p, pos_rate)
    report = {}
    for h in range(LEADS):
        report[f"t+{h + 1}h"] = {
            "roc_auc": roc_auc_score(y[:, h], p[:, h]),
            "pr_auc": average_precision_score(y[:, h], p[:, h]),
            "brier": brier_score_loss(y[:, h], p[:, h]),
            "brier_persistence": brier_score_loss(y[:, h], pers[:, h]),
            "brier_climatology": brier_score_loss(y[:, h], clim[:, h]),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
