"""LSTM remaining-useful-life model for C-MAPSS FD003."""
import json
import random
import sys

import numpy as np
import torch
from sklearn.preprocessing import MinMaxScaler
from torch.utils.data import DataLoader

from rul_lstm.data import USEFUL_SENSORS, EngineWindows, load_frame, split_units
from rul_lstm.model import LSTMRegressor
from rul_lstm.trainer import evaluate, fit


def main(config_path: str = "config.json") -> None:
    with open(config_path) as fh:
        cfg = json.load(fh)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_frame(cfg["data_path"], cfg["rul_cap"])
    train_u, val_u, test_u = split_units(df["unit"].unique(), cfg["val_fraction"], cfg["test_fraction"], cfg["seed"])
    parts = {name: df[df["unit"].isin(u)].copy() for name, u in [("train", train_u), ("val", val_u), ("test", test_u)]}

    scaler = MinMaxScaler().fit(parts["train"][USEFUL_SENSORS])
    for part in parts.values():
        part[USEFUL_SENSORS] = scaler.transform(part[USEFUL_SENSORS])

    loaders = {
        name: DataLoader(
            EngineWindows(part, USEFUL_SENSORS, cfg["seq_len"]),
            batch_size=cfg["batch_size"],
            shuffle=(name == "train"),
        )
        for name, part in parts.items()
    }

    model = LSTMRegressor(len(USEFUL_SENSORS), cfg["hidden_size"], cfg["num_layers"], cfg["dropout"]).to(device)
    model, best_val = fit(model, loaders["train"], loaders["val"], cfg, device)

    train_mean = loaders["train"].dataset.y.mean()
    test_y = loaders["test"].dataset.y
    baseline_rmse = torch.sqrt(torch.mean((test_y - train_mean) ** 2)).item()
    test_rmse = evaluate(model, loaders["test"], device)
    print(json.dumps({"val_rmse": best_val, "test_rmse": test_rmse, "baseline_rmse": baseline_rmse}, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
