import json
import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader

from data import CellWindows, load_frame, scale, split_by_time
from model import TrafficLSTM


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def evaluate(model, loader, device):
    abs_err, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            pred = model(xb)
            abs_err += torch.abs(pred - yb).sum().item()
            n += yb.numel()
    return abs_err / n


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_frame(cfg["data_path"])
    train_df, val_df, test_df = split_by_time(df, cfg["val_start"], cfg["test_start"])
    scaler = scale(train_df, [val_df, test_df], cfg["features"])

    mk = lambda f: CellWindows(f, cfg["features"], cfg["target"], cfg["lookback"], cfg["horizon"])
    train_loader = DataLoader(mk(train_df), batch_size=cfg["batch_size"], shuffle=True, drop_last=True)
    val_loader = DataLoader(mk(val_df), batch_size=1024)
    test_loader = DataLoader(mk(test_df), batch_size=1024)

    model = TrafficLSTM(len(cfg["features"]), cfg["hidden"], cfg["layers"], cfg["dropout"], cfg["horizon"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    loss_fn = nn.HuberLoss(delta=1.0)

    best_val, best_state = float("inf"), None
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            running += loss.item()
        val_mae = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d}  train {running / len(train_loader):.4f}  val MAE {val_mae:.4f}")
        if val_mae < best_val:
            best_val = val_mae
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_mae = evaluate(model, test_loader, device)
    tgt_idx = cfg["features"].index(cfg["target"])
    print(f"best val MAE {best_val:.4f} | test MAE {test_mae:.4f} (scaled), "
          f"{test_mae * scaler.scale_[tgt_idx]:.3f} GB")
    torch.save(model.state_dict(), "traffic_lstm.pt")


if __name__ == "__main__":
    main()
