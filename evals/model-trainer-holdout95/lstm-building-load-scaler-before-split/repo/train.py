"""Train a multi-horizon LSTM for day-ahead building load."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from loadforecast.data import add_calendar_features, load_meter_csv, make_windows, scale_frame
from loadforecast.model import LoadLSTM

FEATURES = ["load_kwh", "hour_sin", "hour_cos", "dow_sin", "dow_cos", "is_weekend"]


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds = [model(xb.to(device)).cpu().numpy() for xb, _ in loader]
    return np.concatenate(preds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    tcfg = cfg["train"]
    seed_everything(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    frame = load_meter_csv(Path(cfg["data"]["path"]), tz=cfg["data"]["timezone"])
    frame = add_calendar_features(frame)
    frame, scaler = scale_frame(frame, ["load_kwh"])

    n = len(frame)
    n_train = int(n * cfg["split"]["train_frac"])
    n_val = int(n * cfg["split"]["val_frac"])
    lookback, horizon = cfg["windows"]["lookback"], cfg["windows"]["horizon"]
    values = frame[FEATURES].to_numpy(dtype=np.float32)
    segments = {
        "train": values[:n_train],
        "val": values[n_train - lookback:n_train + n_val],
        "test": values[n_train + n_val - lookback:],
    }
    windows = {k: make_windows(v, 0, lookback, horizon) for k, v in segments.items()}
    train_loader = to_loader(*windows["train"], tcfg["batch_size"], shuffle=True)
    val_loader = to_loader(*windows["val"], tcfg["batch_size"], shuffle=False)
    test_loader = to_loader(*windows["test"], tcfg["batch_size"], shuffle=False)

    mcfg = cfg["model"]
    model = LoadLSTM(len(FEATURES), mcfg["hidden_size"], mcfg["num_layers"], horizon, mcfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    criterion = nn.MSELoss()
    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
        val_pred = predict(model, val_loader, device)
        val_loss = float(np.mean((val_pred - windows["val"][1]) ** 2))
        print(f"epoch {epoch:03d} val_mse={val_loss:.5f}")
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    X_test, y_test = windows["test"]

    def inv(a):
        return scaler.inverse_transform(a.reshape(-1, 1)).reshape(a.shape)

    y_true = inv(y_test)
    y_model = inv(predict(model, test_loader, device))
    # daily seasonal naive: repeat the last 24 hours of the input window
    y_naive = inv(X_test[:, -horizon:, 0])
    for name, pred in [("lstm", y_model), ("seasonal_naive", y_naive)]:
        mae = np.mean(np.abs(pred - y_true))
        rmse = np.sqrt(np.mean((pred - y_true) ** 2))
        print(f"{name:>15}: MAE={mae:.2f} kWh  RMSE={rmse:.2f} kWh")


if __name__ == "__main__":
    main()
