import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader

from nowcast.data import RadarSequenceDataset
from nowcast.metrics import critical_success_index, mae_mm_h
from nowcast.model import NowcastUNet


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device, thresholds):
    losses, maes = [], []
    csi = {t: [] for t in thresholds}
    persistence_csi = {t: [] for t in thresholds}
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = model(x)
        losses.append(F.l1_loss(pred, y).item())
        maes.append(mae_mm_h(pred, y))
        last = x[:, -1:].expand_as(y)
        for t in thresholds:
            csi[t].append(critical_success_index(pred, y, t))
            persistence_csi[t].append(critical_success_index(last, y, t))
    out = {"loss": float(np.mean(losses)), "mae_mm_h": float(np.mean(maes))}
    for t in thresholds:
        out[f"csi@{t}"] = float(np.nanmean(csi[t]))
        out[f"persistence_csi@{t}"] = float(np.nanmean(persistence_csi[t]))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    dcfg, tcfg = cfg["data"], cfg["train"]
    set_seed(tcfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    common = dict(frames_in=dcfg["frames_in"], frames_out=dcfg["frames_out"], crop=dcfg["crop"])
    train_ds = RadarSequenceDataset(dcfg["root"], dcfg["train_years"], random_crop=True, **common)
    val_ds = RadarSequenceDataset(dcfg["root"], dcfg["val_years"], **common)
    test_ds = RadarSequenceDataset(dcfg["root"], dcfg["test_years"], **common)
    g = torch.Generator().manual_seed(tcfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True, generator=g,
                          num_workers=tcfg["num_workers"], drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"])
    test_dl = DataLoader(test_ds, batch_size=tcfg["batch_size"], num_workers=tcfg["num_workers"])

    model = NowcastUNet(dcfg["frames_in"], dcfg["frames_out"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tcfg["epochs"])
    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    thresholds = cfg["eval"]["csi_thresholds_mm_h"]

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = F.l1_loss(model(x), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            running += loss.item() * x.size(0)
        sched.step()

        val = evaluate(model, val_dl, device, thresholds)
        print(f"epoch {epoch:03d} train_l1={running / len(train_ds):.4f} "
              + " ".join(f"{k}={v:.4f}" for k, v in val.items()))
        if val["loss"] < best_val:
            best_val, bad_epochs = val["loss"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "cfg": cfg}, ckpt_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    state = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_dl, device, thresholds)
    print("test:", {k: round(v, 4) for k, v in test.items()})


if __name__ == "__main__":
    main()
