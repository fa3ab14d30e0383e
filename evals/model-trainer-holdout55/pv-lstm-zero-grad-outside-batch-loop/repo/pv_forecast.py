"""Day-ahead PV output forecaster (15-min resolution) for the Almeria rooftop plant."""
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class Config:
    data_path: str = "data/pv_plant_15min.csv"
    lookback: int = 96
    horizon: int = 96
    hidden: int = 128
    layers: int = 2
    dropout: float = 0.2
    batch_size: int = 128
    lr: float = 1e-3
    clip: float = 1.0
    epochs: int = 80
    patience: int = 10
    seed: int = 21
    capacity_kw: float = 480.0
    out_dir: str = "runs/pv_lstm"


FEATURES = ["power_kw", "ghi", "dni", "air_temp", "cloud_cover", "sun_elevation"]


class PVLSTM(torch.nn.Module):
    def __init__(self, n_in: int, hidden: int, layers: int, horizon: int, dropout: float):
        super().__init__()
        self.lstm = torch.nn.LSTM(n_in, hidden, layers, batch_first=True, dropout=dropout)
        self.fc = torch.nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1])


def make_windows(arr: np.ndarray, lookback: int, horizon: int, stride: int = 4):
    idx = range(lookback, len(arr) - horizon + 1, stride)
    X = np.stack([arr[i - lookback:i] for i in idx]).astype(np.float32)
    y = np.stack([arr[i:i + horizon, 0] for i in idx]).astype(np.float32)
    return torch.from_numpy(X), torch.from_numpy(y)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader])


def main(cfg: Config) -> None:
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(cfg.data_path, parse_dates=["timestamp"], index_col="timestamp").sort_index()
    df = df[FEATURES].asfreq("15min").interpolate(limit=8).dropna()
    train_df = df.loc[:"2022-12-31"]
    val_df = df.loc["2023-01-01":"2023-06-30"]
    test_df = df.loc["2023-07-01":]

    scaler = StandardScaler().fit(train_df)
    sd, mu = scaler.scale_[0], scaler.mean_[0]
    splits = {}
    for name, part, ctx in [("train", train_df, None), ("val", val_df, train_df), ("test", test_df, val_df)]:
        frame = part if ctx is None else pd.concat([ctx.iloc[-cfg.lookback:], part])
        splits[name] = make_windows(scaler.transform(frame), cfg.lookback, cfg.horizon)

    train_loader = DataLoader(TensorDataset(*splits["train"]), batch_size=cfg.batch_size, shuffle=True)
    val_loader = DataLoader(TensorDataset(*splits["val"]), batch_size=512)
    test_loader = DataLoader(TensorDataset(*splits["test"]), batch_size=512)

    model = PVLSTM(len(FEATURES), cfg.hidden, cfg.layers, cfg.horizon, cfg.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    criterion = torch.nn.MSELoss()
    best_val, stale = float("inf"), 0

    optimizer.zero_grad()
    for epoch in range(cfg.epochs):
        model.train()
        epoch_loss = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
            optimizer.step()
            epoch_loss += loss.item() * len(xb)
        val_pred = predict(model, val_loader, device)
        val_loss = criterion(val_pred, splits["val"][1]).item()
        print(f"epoch {epoch:02d} train={epoch_loss / len(splits['train'][0]):.4f} val={val_loss:.4f}")
        if val_loss < best_val:
            best_val, stale = val_loss, 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    y_true = splits["test"][1].numpy() * sd + mu
    y_pred = predict(model, test_loader, device).numpy() * sd + mu
    persistence_day = splits["test"][0][:, -cfg.horizon:, 0].numpy() * sd + mu
    capacity = cfg.capacity_kw
    report = {}
    for name, p in [("lstm", y_pred), ("yesterday", persistence_day)]:
        err = p - y_true
        report[name] = {"mae_kw": float(np.abs(err).mean()), "rmse_kw": float(np.sqrt((err ** 2).mean())),
                        "nrmse_cap": float(np.sqrt((err ** 2).mean()) / capacity)}
    print(json.dumps(report, indent=2))
    (out / "metrics.json").write_text(json.dumps({"config": asdict(cfg), "test": report}, indent=2))


if __name__ == "__main__":
    main(Config())
