"""Day-ahead (48h) zonal load forecasting with an encoder-only transformer."""
import argparse
import random
import tomllib
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader

from forecaster.data import WindowDataset, load_zone, split_and_scale
from forecaster.engine import EarlyStopper, evaluate, train_one_epoch
from forecaster.model import LoadTransformer


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def mape(y_true, y_pred):
    return float(np.mean(np.abs((y_true - y_pred) / y_true)) * 100)


def main(config_path: str) -> None:
    with open(config_path, "rb") as fh:
        cfg = tomllib.load(fh)
    set_seed(cfg["train"]["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    L, H = cfg["window"]["lookback"], cfg["window"]["horizon"]

    frame = load_zone(cfg["data"]["csv"], cfg["data"]["zone"])
    parts, scaler = split_and_scale(frame, cfg["data"]["train_end"], cfg["data"]["val_end"], L)
    loaders = {
        name: DataLoader(WindowDataset(part, L, H), batch_size=cfg["train"]["batch_size"], shuffle=(name == "train"))
        for name, part in parts.items()
    }

    m = cfg["model"]
    model = LoadTransformer(frame.shape[1], m["d_model"], m["n_heads"], m["n_layers"], H, m["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
    criterion = torch.nn.MSELoss()
    stopper = EarlyStopper(patience=cfg["train"]["patience"])
    ckpt = Path(cfg["train"]["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(cfg["train"]["max_epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, criterion, device)
        val_pred, val_true = evaluate(model, loaders["val"], device)
        val_loss = float(np.mean((val_pred - val_true) ** 2))
        print(f"epoch {epoch:02d} train={train_loss:.4f} val={val_loss:.4f}")
        if stopper.step(val_loss):
            torch.save(model.state_dict(), ckpt)
        if stopper.should_stop:
            print(f"early stop at epoch {epoch}")
            break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_pred, test_true = evaluate(model, loaders["test"], device)
    inv = lambda a: scaler.inverse_transform(a.reshape(-1, 1)).reshape(a.shape)
    y_true, y_pred = inv(test_true), inv(test_pred)

    # weekly seasonal naive from the raw test segment
    test_load = inv(parts["test"]["load_mw"].to_numpy())
    n_win = len(y_true)
    naive = np.stack([test_load[i + L - 168:i + L - 168 + H] for i in range(n_win)])

    for name, pred in [("transformer", y_pred), ("weekly_naive", naive)]:
        mae = float(np.mean(np.abs(pred - y_true)))
        print(f"{name:>12}: MAE={mae:,.0f} MW  MAPE={mape(y_true, pred):.2f}%")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/transformer.toml")
    main(parser.parse_args().config)
