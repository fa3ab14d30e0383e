import argparse
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader

from loadforecast.data import (
    WindowDataset,
    add_calendar_features,
    chronological_split,
    load_series,
    make_windows,
    prepare_series,
)
from loadforecast.model import LSTMForecaster


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def run_epoch(model, loader, loss_fn, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total, count = 0.0, 0
    with torch.set_grad_enabled(training):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            if training:
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
            total += loss.item() * len(xb)
            count += len(xb)
    return total / count


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader]).numpy()


def main(cfg_path: str) -> None:
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    dcfg, wcfg, mcfg, tcfg = cfg["data"], cfg["window"], cfg["model"], cfg["train"]
    set_seed(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = add_calendar_features(load_series(dcfg["path"], dcfg["target"]))
    bundle = prepare_series(df, dcfg["features"])
    target_idx = dcfg["features"].index(dcfg["target"])
    X, y = make_windows(bundle.values, wcfg["lookback"], wcfg["horizon"], target_idx)
    tr, va, te = chronological_split(len(X), dcfg["val_frac"], dcfg["test_frac"])
    print(f"windows: train={tr.stop} val={va.stop - va.start} test={te.stop - te.start}")

    bs = tcfg["batch_size"]
    train_loader = DataLoader(WindowDataset(X[tr], y[tr]), batch_size=bs, shuffle=True)
    val_loader = DataLoader(WindowDataset(X[va], y[va]), batch_size=bs)
    test_loader = DataLoader(WindowDataset(X[te], y[te]), batch_size=bs)

    model = LSTMForecaster(X.shape[-1], mcfg["hidden_size"], mcfg["num_layers"],
                           wcfg["horizon"], mcfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    loss_fn = nn.MSELoss()
    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(1, tcfg["max_epochs"] + 1):
        train_loss = run_epoch(model, train_loader, loss_fn, device, optimizer)
        val_loss = run_epoch(model, val_loader, loss_fn, device)
        print(f"epoch {epoch:03d} train={train_loss:.5f} val={val_loss:.5f}")
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    lo = bundle.scaler.data_min_[target_idx]
    rng = bundle.scaler.data_range_[target_idx]
    pred = predict(model, test_loader, device) * rng + lo
    true = y[te] * rng + lo
    seasonal_naive = X[te][:, -wcfg["horizon"]:, target_idx] * rng + lo

    for name, p in [("lstm", pred), ("seasonal_naive_24h", seasonal_naive)]:
        mae = np.mean(np.abs(p - true))
        rmse = np.sqrt(np.mean((p - true) ** 2))
        mape = np.mean(np.abs(p - true) / np.abs(true)) * 100
        print(f"{name:20s} MAE={mae:8.1f} RMSE={rmse:8.1f} MAPE={mape:5.2f}%")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/lstm_load.yaml")
    main(parser.parse_args().config)
