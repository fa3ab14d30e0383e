"""Next-day natural-gas sendout forecast with a small TCN on log-differenced demand."""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK = 56


def set_seeds(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["gas_day"], index_col="gas_day").sort_index().asfreq("D")
    df["sendout"] = df["sendout"].ffill(limit=2)
    df["log_sendout"] = np.log(df["sendout"])
    df["dlog"] = df["log_sendout"].diff()
    df["hdd"] = np.clip(18.0 - df["temp_mean_c"], 0, None)
    df["d_hdd"] = df["hdd"].diff()
    df["weekend"] = (df.index.dayofweek >= 5).astype(float)
    return df.dropna()


class TCN(nn.Module):
    def __init__(self, n_in: int, ch: int = 32, levels: int = 4, k: int = 3, dropout: float = 0.15):
        super().__init__()
        layers = []
        for i in range(levels):
            d = 2 ** i
            layers += [nn.ConstantPad1d(((k - 1) * d, 0), 0.0),
                       nn.Conv1d(n_in if i == 0 else ch, ch, k, dilation=d), nn.GELU(), nn.Dropout(dropout)]
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(ch, 1)

    def forward(self, x):
        return self.head(self.body(x.transpose(1, 2))[:, :, -1]).squeeze(-1)


def windows(z: np.ndarray, next_exog: np.ndarray):
    X, y = [], []
    for t in range(LOOKBACK, len(z)):
        hist = z[t - LOOKBACK:t]
        X.append(np.concatenate([hist, np.repeat(next_exog[t][None, :], LOOKBACK, 0)], axis=1))
        y.append(z[t, 0])
    return torch.tensor(np.array(X), dtype=torch.float32), torch.tensor(np.array(y), dtype=torch.float32)


@torch.no_grad()
def predict(model, X):
    model.eval()
    return model(X).numpy()


def main(a):
    set_seeds(a.seed)
    df = load(a.data)
    cols, exog = ["dlog", "d_hdd", "weekend"], ["d_hdd", "weekend"]
    n = len(df)
    i_val, i_test = int(n * 0.7), int(n * 0.85)
    mu, sd = df[cols].iloc[:i_val].mean(), df[cols].iloc[:i_val].std()
    z = ((df[cols] - mu) / sd).to_numpy(np.float32)
    ex = z[:, 1:]

    parts = {
        "train": windows(z[:i_val], ex[:i_val]),
        "val": windows(z[i_val - LOOKBACK:i_test], ex[i_val - LOOKBACK:i_test]),
        "test": windows(z[i_test - LOOKBACK:], ex[i_test - LOOKBACK:]),
    }
    train_dl = DataLoader(TensorDataset(*parts["train"]), batch_size=64, shuffle=True)

    model = TCN(len(cols) + len(exog))
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    mse = nn.MSELoss()
    ckpt = Path(a.out) / "gas_tcn.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = np.inf, 0
    for epoch in range(a.epochs):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            mse(model(xb), yb).backward()
            opt.step()
        val = float(np.mean((predict(model, parts["val"][0]) - parts["val"][1].numpy()) ** 2))
        if val < best:
            best, wait = val, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= a.patience:
                break
        print(f"epoch {epoch} val_mse={val:.4f} best={best:.4f}")

    model.load_state_dict(torch.load(ckpt))
    dlog_hat = predict(model, parts["test"][0]) * sd["dlog"] + mu["dlog"]
    prev_log = df["log_sendout"].to_numpy()[i_test - 1:n - 1]
    actual = df["sendout"].to_numpy()[i_test:]
    forecasts = {
        "tcn": np.exp(prev_log + dlog_hat),
        "persistence": np.exp(prev_log),
        "same_day_last_week": df["sendout"].shift(7).to_numpy()[i_test:],
    }
    for name, f in forecasts.items():
        err = f - actual
        print(f"{name:20s} MAE={np.abs(err).mean():9.1f} RMSE={np.sqrt((err ** 2).mean()):9.1f} "
              f"MAPE={np.mean(np.abs(err) / actual) * 100:5.2f}%")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/lng_sendout_daily.csv")
    ap.add_argument("--out", default="runs/gas_tcn")
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=15)
    ap.add_argument("--seed", type=int, default=5)
    main(ap.parse_args())
