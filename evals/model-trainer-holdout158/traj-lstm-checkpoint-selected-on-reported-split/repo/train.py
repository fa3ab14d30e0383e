import argparse
import json
import math
import os
import random

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader

from data import AgentCentricNpz
from model import LSTMForecaster


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ade_sum, fde_sum, n = 0.0, 0.0, 0
    for hist, fut in loader:
        hist, fut = hist.to(device), fut.to(device)
        err = torch.linalg.norm(model(hist) - fut, dim=-1)  # (B, T)
        ade_sum += err.mean(dim=1).sum().item()
        fde_sum += err[:, -1].sum().item()
        n += len(hist)
    return ade_sum / n, fde_sum / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d, tc = cfg["data"], cfg["train"]

    train_ds = AgentCentricNpz(d["train"], d["obs_len"], d["pred_len"])
    val_ds = AgentCentricNpz(d["val"], d["obs_len"], d["pred_len"])
    train_loader = DataLoader(train_ds, batch_size=tc["batch_size"], shuffle=True, num_workers=4, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=1024, shuffle=False, num_workers=4)

    model = LSTMForecaster(pred_len=d["pred_len"], **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tc["epochs"])

    os.makedirs(cfg["out_dir"], exist_ok=True)
    ckpt = os.path.join(cfg["out_dir"], "best.pt")
    best_ade, bad_epochs = math.inf, 0
    for epoch in range(tc["epochs"]):
        model.train()
        running = 0.0
        for hist, fut in train_loader:
            hist, fut = hist.to(device), fut.to(device)
            opt.zero_grad()
            loss = F.smooth_l1_loss(model(hist), fut)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), tc["grad_clip"])
            opt.step()
            running += loss.item()
        sched.step()

        val_ade, val_fde = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss {running / len(train_loader):.4f} ADE {val_ade:.3f} FDE {val_fde:.3f}")
        if val_ade < best_ade:
            best_ade, bad_epochs = val_ade, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tc["patience"]:
                print("early stop")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    ade, fde = evaluate(model, val_loader, device)
    results = {"ADE": ade, "FDE": fde, "split": "av1_val", "n": len(val_ds)}
    print(results)
    with open(os.path.join(cfg["out_dir"], "results.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
