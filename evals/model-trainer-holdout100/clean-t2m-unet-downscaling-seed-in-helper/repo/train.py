import argparse
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import xarray as xr
import yaml
from torch.utils.data import DataLoader

from downscale.data import DownscalingDataset, channel_stats, load_period
from downscale.model import DownscalingUNet
from downscale.utils import EarlyStopper, init_tracking, seed_everything


@torch.no_grad()
def run_eval(model, loader, y_std, device):
    model.eval()
    sq, ab, sq_bilinear, n = 0.0, 0.0, 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = model(x)
        # channel 0 is the normalised coarse t2m; same scale as the target when stats match
        bilinear = F.interpolate(x[:, :1], size=y.shape[-2:], mode="bilinear", align_corners=False)
        sq += ((pred - y) ** 2).sum().item() * y_std ** 2
        ab += (pred - y).abs().sum().item() * y_std
        sq_bilinear += ((bilinear - y) ** 2).sum().item() * y_std ** 2
        n += y.numel()
    return {"rmse_K": (sq / n) ** 0.5, "mae_K": ab / n, "bilinear_rmse_K": (sq_bilinear / n) ** 0.5}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    run = init_tracking(cfg)

    x_tr, y_tr = load_period(cfg, cfg["data"]["train"])
    x_va, y_va = load_period(cfg, cfg["data"]["val"])
    x_te, y_te = load_period(cfg, cfg["data"]["test"])
    x_stats, y_stats = channel_stats(x_tr), channel_stats(y_tr)
    # put coarse t2m on the target's scale so the bilinear reference is comparable
    x_stats[0][0], x_stats[1][0] = y_stats[0][0], y_stats[1][0]
    y_std = float(y_stats[1].squeeze())

    bs = cfg["optim"]["batch_size"]
    train_dl = DataLoader(DownscalingDataset(x_tr, y_tr, x_stats, y_stats), batch_size=bs, shuffle=True, generator=gen)
    val_dl = DataLoader(DownscalingDataset(x_va, y_va, x_stats, y_stats), batch_size=bs)
    test_dl = DataLoader(DownscalingDataset(x_te, y_te, x_stats, y_stats), batch_size=bs)

    dem = xr.open_dataset(cfg["data"]["dem"])["elevation"].values.astype(np.float32)
    dem = torch.from_numpy((dem - dem.mean()) / dem.std())[None, None]
    model = DownscalingUNet(in_ch=x_tr.shape[1], dem=dem).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    stopper = EarlyStopper(cfg["optim"]["patience"])
    ckpt = Path(cfg["paths"]["checkpoint_dir"])
    ckpt.mkdir(parents=True, exist_ok=True)

    for epoch in range(cfg["optim"]["max_epochs"]):
        model.train()
        total = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
            total += loss.item() * len(x)
        val = run_eval(model, val_dl, y_std, device)
        run.log({"epoch": epoch, "train_mse": total / len(train_dl.dataset), **{f"val/{k}": v for k, v in val.items()}})
        if stopper.step(val["rmse_K"]):
            torch.save({"model": model.state_dict(), "x_stats": x_stats, "y_stats": y_stats}, ckpt / "best.pt")
        if stopper.should_stop:
            break

    best = torch.load(ckpt / "best.pt", map_location=device)
    model.load_state_dict(best["model"])
    test = run_eval(model, test_dl, y_std, device)
    run.summary.update({f"test/{k}": v for k, v in test.items()})
    print(test)
    run.finish()


if __name__ == "__main__":
    main()
