"""Global GRU across ~400 households: next-day (48 half-hours) consumption."""
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader

from meters.dataset import MeterWindows
from meters.preprocess import add_time_features, load_readings, normalise_per_meter, split_by_time


class GlobalGRU(nn.Module):
    def __init__(self, n_in, hidden, layers, horizon, dropout):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.out = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, horizon))

    def forward(self, x):
        h, _ = self.gru(x)
        return self.out(h[:, -1])


def predict(model, loader, device):
    outs = []
    with torch.no_grad():
        for xb, _ in loader:
            outs.append(model(xb.to(device)).cpu().numpy())
    return np.concatenate(outs)


def main():
    with open("params.yaml") as fh:
        p = yaml.safe_load(fh)
    seed = p["train"]["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    L, H = p["window"]["lookback"], p["window"]["horizon"]

    df = add_time_features(load_readings(p["data"]["readings"]))
    train_df, val_df, test_df = split_by_time(df, p["data"]["val_start"], p["data"]["test_start"])
    train_n, scalers = normalise_per_meter(train_df)
    val_n, _ = normalise_per_meter(val_df)
    test_n, test_scalers = normalise_per_meter(test_df)

    train_ds = MeterWindows(train_n, L, H, stride=4)
    val_ds = MeterWindows(val_n, L, H, stride=H)
    test_ds = MeterWindows(test_n, L, H, stride=H)
    bs = p["train"]["batch_size"]
    train_loader = DataLoader(train_ds, batch_size=bs, shuffle=True, num_workers=2)
    val_loader = DataLoader(val_ds, batch_size=bs)
    test_loader = DataLoader(test_ds, batch_size=bs)
    y_val = np.stack([val_ds[i][1].numpy() for i in range(len(val_ds))])

    m = p["model"]
    model = GlobalGRU(4, m["hidden"], m["layers"], H, m["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=p["train"]["lr"])
    loss_fn = nn.MSELoss()
    ckpt = Path(p["train"]["ckpt"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, wait = float("inf"), 0
    for epoch in range(p["train"]["epochs"]):
        model.train()
        for xb, yb in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        val_mse = float(np.mean((predict(model, val_loader, device) - y_val) ** 2))
        print(f"epoch {epoch}: val_mse={val_mse:.4f}")
        if val_mse < best:
            best, wait = val_mse, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= p["train"]["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    pred = predict(model, test_loader, device)
    meters = [test_ds.meter_of(i) for i in range(len(test_ds))]
    X_last = np.stack([test_ds[i][0][-H:, 0].numpy() for i in range(len(test_ds))])
    y_true = np.stack([test_ds[i][1].numpy() for i in range(len(test_ds))])

    def to_kwh(a):
        return np.stack([test_scalers[mid].inverse_transform(row.reshape(-1, 1)).ravel() for mid, row in zip(meters, a)])

    truth_kwh = to_kwh(y_true)
    for name, arr in [("gru", pred), ("yesterday", X_last)]:
        kwh = to_kwh(arr)
        mae = np.abs(kwh - truth_kwh).mean()
        rmse = np.sqrt(((kwh - truth_kwh) ** 2).mean())
        print(f"{name:10s} MAE {mae:.4f} kWh  RMSE {rmse:.4f} kWh")


if __name__ == "__main__":
    main()
