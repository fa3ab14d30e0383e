import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from trafficnet.data import SpeedWindows, chronological_parts
from trafficnet.engine import predict, train_one_epoch
from trafficnet.model import SensorGRU
from trafficnet.utils import masked_metrics, seed_everything


def masked_l1(pred, true):
    mask = (true != 0).float()
    return (torch.abs(pred - true) * mask).sum() / mask.sum().clamp(min=1)


def main(cfg: dict) -> None:
    seed_everything(cfg["seed"])
    device = torch.device(cfg.get("device", "cuda" if torch.cuda.is_available() else "cpu"))
    speeds = pd.read_hdf(cfg["data"]["path"], key=cfg["data"]["key"])
    train_df, val_df, test_df = chronological_parts(speeds, tuple(cfg["data"]["ratios"]))
    observed = train_df.to_numpy()[train_df.to_numpy() > 0]
    mean, std = float(observed.mean()), float(observed.std())

    n_in, n_out = cfg["window"]["n_in"], cfg["window"]["n_out"]
    ds = {name: SpeedWindows(part, mean, std, n_in, n_out)
          for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]}
    loaders = {
        "train": DataLoader(ds["train"], batch_size=cfg["batch_size"], shuffle=True, drop_last=True),
        "val": DataLoader(ds["val"], batch_size=cfg["batch_size"], shuffle=False),
        "test": DataLoader(ds["test"], batch_size=cfg["batch_size"], shuffle=False),
    }

    model = SensorGRU(cfg["model"]["hidden"], n_out, cfg["model"]["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    ckpt = Path(cfg["out_dir"]) / "sensor_gru.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_mae, stale = np.inf, 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, masked_l1, mean, std, device)
        val_pred, val_true = predict(model, loaders["val"], mean, std, device)
        val_mae = masked_metrics(val_pred, val_true)["mae"]
        print(f"epoch {epoch:03d} train_mae={train_loss:.3f} val_mae={val_mae:.3f}")
        if val_mae < best_mae:
            best_mae, stale = val_mae, 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_pred, test_true = predict(model, loaders["test"], mean, std, device)
    last_obs = np.stack([ds["test"].raw[i + n_in - 1] for i in range(len(ds["test"]))])
    persistence = np.repeat(last_obs[:, None, :], n_out, axis=1)
    for step in (2, 5, 11):
        m_gru = masked_metrics(test_pred[:, step], test_true[:, step])
        m_naive = masked_metrics(persistence[:, step], test_true[:, step])
        print(f"+{(step + 1) * 5:>2d}min GRU {m_gru}  persistence {m_naive}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("-c", "--config", default="configs/gru_metr_la.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
