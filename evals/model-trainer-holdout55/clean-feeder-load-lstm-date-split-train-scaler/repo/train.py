import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from gridload.data import fit_scaler, load_feeder, split_by_date, windows_with_context
from gridload.model import FeederLSTM


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def loader(X, y, batch_size, shuffle, seed=None):
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in dl]).numpy()


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    feats, target = cfg["features"], cfg["target"]
    lb, h = cfg["lookback"], cfg["horizon"]
    t_idx = feats.index(target)

    df = load_feeder(cfg["data_path"], target)
    train_df, val_df, test_df = split_by_date(df, cfg["train_end"], cfg["val_end"])
    scaler = fit_scaler(train_df, feats)
    tr, va, te = (scaler.transform(part[feats]) for part in (train_df, val_df, test_df))

    Xtr, ytr = windows_with_context(tr, None, lb, h, t_idx)
    Xva, yva = windows_with_context(va, tr, lb, h, t_idx)
    Xte, yte = windows_with_context(te, va, lb, h, t_idx)
    train_dl = loader(Xtr, ytr, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    val_dl = loader(Xva, yva, 512, shuffle=False)
    test_dl = loader(Xte, yte, 512, shuffle=False)

    model = FeederLSTM(len(feats), cfg["hidden"], cfg["layers"], h, cfg["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loss_fn = nn.SmoothL1Loss()
    ckpt = Path(cfg["out_dir"]) / "feeder_lstm.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, wait = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_loss = float(loss_fn(torch.from_numpy(predict(model, val_dl, device)), torch.from_numpy(yva)))
        print(f"epoch {epoch:02d} val_loss={val_loss:.4f}")
        if val_loss < best:
            best, wait = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "val_loss": val_loss}, ckpt)
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    mu, sd = scaler.mean_[t_idx], scaler.scale_[t_idx]
    true = yte * sd + mu
    candidates = {
        "lstm": predict(model, test_dl, device) * sd + mu,
        "same_time_yesterday": Xte[:, -96:-96 + h, t_idx] * sd + mu,
        "persistence": np.repeat(Xte[:, -1:, t_idx], h, axis=1) * sd + mu,
    }
    report = {}
    for name, p in candidates.items():
        err = p - true
        report[name] = {"mae_kw": float(np.abs(err).mean()), "rmse_kw": float(np.sqrt((err ** 2).mean())),
                        "mape_pct": float(np.mean(np.abs(err) / np.abs(true)) * 100)}
    print(json.dumps(report, indent=2))
    (ckpt.parent / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/feeder_lstm.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
