"""Train a causal TCN to forecast 30-minute NQ futures returns from 5-minute bars."""
import os

import numpy as np
import torch
import yaml
from scipy.stats import spearmanr
from torch.utils.data import DataLoader

from tcn.data import FEATURES, WindowDataset, load_bars
from tcn.model import TCNRegressor
from tcn.utils import EarlyStopper, seed_everything


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


def evaluate(model, loader, loss_fn, device):
    preds, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb.to(device)).cpu())
            targets.append(yb)
    p, t = torch.cat(preds), torch.cat(targets)
    return {
        "loss": loss_fn(p, t).item(),
        "ic": spearmanr(p.numpy(), t.numpy()).correlation,
        "hit": float(((p > 0) == (t > 0)).float().mean()),
        "mse_zero": float((t ** 2).mean()),
    }


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    dc, mc, tc = cfg["data"], cfg["model"], cfg["train"]

    bars = load_bars(dc["path"], dc["horizon"])
    train_bars = bars[bars["ts"] <= dc["train_end"]]
    valid_bars = bars[(bars["ts"] >= dc["valid_start"]) & (bars["ts"] <= dc["valid_end"])]
    test_bars = bars[bars["ts"] >= dc["test_start"]]
    mean = train_bars[FEATURES].mean().to_numpy(np.float32)
    std = train_bars[FEATURES].std().to_numpy(np.float32)

    ds = {name: WindowDataset(b, dc["window"], mean, std)
          for name, b in [("train", train_bars), ("valid", valid_bars), ("test", test_bars)]}
    g = torch.Generator().manual_seed(cfg["seed"])
    train_loader = DataLoader(ds["train"], batch_size=tc["batch_size"], shuffle=True, generator=g)
    valid_loader = DataLoader(ds["valid"], batch_size=4096)
    test_loader = DataLoader(ds["test"], batch_size=4096)

    model = TCNRegressor(len(FEATURES), mc["channels"], mc["kernel_size"], mc["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    loss_fn = torch.nn.HuberLoss(delta=20.0)
    stopper = EarlyStopper(tc["patience"])
    os.makedirs(os.path.dirname(tc["ckpt"]), exist_ok=True)

    for epoch in range(tc["max_epochs"]):
        tr_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        val = evaluate(model, valid_loader, loss_fn, device)
        print(f"epoch {epoch:02d} train={tr_loss:.3f} val={val['loss']:.3f} ic={val['ic']:.4f}")
        if stopper.step(val["loss"]):
            torch.save(model.state_dict(), tc["ckpt"])
        if stopper.should_stop:
            break

    model.load_state_dict(torch.load(tc["ckpt"], map_location=device))
    test = evaluate(model, test_loader, loss_fn, device)
    print(f"TEST loss={test['loss']:.3f} ic={test['ic']:.4f} hit={test['hit']:.3f} "
          f"(zero-forecast MSE {test['mse_zero']:.3f})")


if __name__ == "__main__":
    main()
