"""Train an LSTM on hourly perp features to forecast vol-scaled 4h returns."""
import argparse
import os

import numpy as np
import torch
import yaml
from scipy.stats import spearmanr
from torch.utils.data import DataLoader

from perpnet.data import FEATURES, SymbolWindows, fit_normalizer, load_features
from perpnet.model import LSTMForecaster
from perpnet.utils import init_tracking, seed_all


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, ys = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu())
        ys.append(yb)
    return torch.cat(preds).numpy(), torch.cat(ys).numpy()


def metrics(p, y):
    return {"mse": float(np.mean((p - y) ** 2)), "ic": float(spearmanr(p, y).correlation),
            "hit": float(np.mean(np.sign(p) == np.sign(y)))}


def main(cfg_path: str):
    cfg = yaml.safe_load(open(cfg_path))
    gen = seed_all(cfg["seed"])
    run = init_tracking(cfg["project"], cfg)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d, o = cfg["data"], cfg["optim"]

    df = load_features(d["path"], d["symbols"], d["horizon"])
    tr = df[df["ts"] <= d["train_end"]]
    va = df[(df["ts"] >= d["valid_start"]) & (df["ts"] <= d["valid_end"])]
    te = df[df["ts"] >= d["test_start"]]
    mean, std = fit_normalizer(tr)

    loaders = {
        "train": DataLoader(SymbolWindows(tr, d["window"], mean, std), batch_size=o["batch_size"],
                            shuffle=True, generator=gen, drop_last=True),
        "valid": DataLoader(SymbolWindows(va, d["window"], mean, std), batch_size=4096),
        "test": DataLoader(SymbolWindows(te, d["window"], mean, std), batch_size=4096),
    }
    model = LSTMForecaster(len(FEATURES), **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    loss_fn = torch.nn.SmoothL1Loss()
    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)

    best, bad = float("inf"), 0
    for epoch in range(o["max_epochs"]):
        model.train()
        for xb, yb in loaders["train"]:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val = metrics(*predict(model, loaders["valid"], device))
        run.log({"epoch": epoch, **{f"val_{k}": v for k, v in val.items()}})
        if val["mse"] < best:
            best, bad = val["mse"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad += 1
            if bad >= o["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    p, y = predict(model, loaders["test"], device)
    test_lstm = metrics(p, y)
    y_tr_mean = float(tr["target"].mean())
    test_const = metrics(np.full_like(y, y_tr_mean), y)
    x_test_last = loaders["test"].dataset
    mom = np.array([x_test_last.x[e, FEATURES.index("ret_24h")].item() for e in x_test_last.ends])
    test_mom = metrics(mom, y)
    run.summary.update({"test_lstm": test_lstm, "test_const": test_const, "test_mom24": test_mom})
    print("LSTM", test_lstm, "\nconst", test_const, "\nmom24", test_mom)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/lstm_h4.yaml")
    main(ap.parse_args().config)
