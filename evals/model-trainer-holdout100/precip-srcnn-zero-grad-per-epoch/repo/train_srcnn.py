"""Downscale daily ERA5 precipitation (0.25 deg) to 0.05 deg using a residual super-resolution CNN.

Target: gauge-adjusted radar precipitation. Orography is given as an extra static channel.
Training is on log1p(mm/day) to tame the heavy tail.
"""
import json
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F
import xarray as xr
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_pairs(cfg, years):
    lo = xr.open_dataset(cfg["lowres_path"])["tp"].sel(time=slice(str(years[0]), str(years[1])))
    hi = xr.open_dataset(cfg["highres_path"])["tp"].sel(time=lo.time)
    x = torch.from_numpy(np.log1p(lo.clip(min=0).values * 1000.0)).float().unsqueeze(1)
    y = torch.from_numpy(np.log1p(hi.clip(min=0).values)).float().unsqueeze(1)
    return x, y


class SRNet(nn.Module):
    def __init__(self, upscale, orog, channels=64, n_blocks=6):
        super().__init__()
        self.upscale = upscale
        self.register_buffer("orog", orog)
        self.head = nn.Conv2d(2, channels, 3, padding=1)
        self.body = nn.Sequential(*[
            nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU(inplace=True))
            for _ in range(n_blocks)
        ])
        self.tail = nn.Conv2d(channels, 1, 3, padding=1)

    def forward(self, x_lo):
        up = F.interpolate(x_lo, scale_factor=self.upscale, mode="bicubic", align_corners=False)
        orog = self.orog.expand(up.size(0), -1, -1, -1)
        z = self.head(torch.cat([up, orog], dim=1))
        return F.relu(up + self.tail(self.body(z)))


def evaluate(model, loader, upscale, device):
    model.eval()
    se, ae, se_bicubic, n = 0.0, 0.0, 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            pred = torch.expm1(model(x))
            bicubic = torch.expm1(F.interpolate(x, scale_factor=upscale, mode="bicubic")).clamp(min=0)
            obs = torch.expm1(y)
            se += ((pred - obs) ** 2).sum().item()
            ae += (pred - obs).abs().sum().item()
            se_bicubic += ((bicubic - obs) ** 2).sum().item()
            n += obs.numel()
    return {"rmse": (se / n) ** 0.5, "mae": ae / n, "bicubic_rmse": (se_bicubic / n) ** 0.5}


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    orog = xr.open_dataset(cfg["orography_path"])["elevation"].values
    orog = torch.from_numpy((orog - orog.mean()) / orog.std()).float()[None, None]

    x_tr, y_tr = load_pairs(cfg, cfg["train_years"])
    x_va, y_va = load_pairs(cfg, cfg["val_years"])
    x_te, y_te = load_pairs(cfg, cfg["test_years"])
    train_dl = DataLoader(TensorDataset(x_tr, y_tr), batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(TensorDataset(x_va, y_va), batch_size=cfg["batch_size"])
    test_dl = DataLoader(TensorDataset(x_te, y_te), batch_size=cfg["batch_size"])

    model = SRNet(cfg["upscale"], orog).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=4)

    best_rmse, wait = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad()
        epoch_loss = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            pred = model(x)
            # weight wet pixels more so the network does not collapse to drizzle
            weight = 1.0 + 4.0 * (y > np.log1p(1.0)).float()
            loss = (weight * (pred - y) ** 2).mean()
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item() * x.size(0)

        val = evaluate(model, val_dl, cfg["upscale"], device)
        scheduler.step(val["rmse"])
        print(f"epoch {epoch:3d} loss {epoch_loss / len(x_tr):.4f} "
              f"val rmse {val['rmse']:.3f} mae {val['mae']:.3f} (bicubic {val['bicubic_rmse']:.3f})")
        if val["rmse"] < best_rmse:
            best_rmse, wait = val["rmse"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    print("test:", evaluate(model, test_dl, cfg["upscale"], device))


if __name__ == "__main__":
    main(*sys.argv[1:])
