import argparse
import math
import os

import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from slr.common import load_config, seed_everything, worker_init
from slr.data import CitizenPoses
from slr.model import PoseTransformer


def run_eval(model, loader, device):
    model.eval()
    correct = total = 0
    with torch.inference_mode():
        for x, y in loader:
            correct += (model(x.to(device)).argmax(-1).cpu() == y).sum().item()
            total += y.numel()
    return correct / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/pose_transformer.yaml")
    cfg = load_config(ap.parse_args().config)
    seed_everything(cfg["seed"])
    d, m, o = cfg["data"], cfg["model"], cfg["optim"]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    glosses = sorted(pd.read_csv(os.path.join(d["splits_dir"], "train.csv"))["Gloss"].unique())
    gloss2idx = {g: i for i, g in enumerate(glosses)}
    mk = lambda split, aug=None: CitizenPoses(d["splits_dir"], d["pose_dir"], split, gloss2idx, d["max_frames"], aug)
    gen = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(mk("train", d["augment"]), batch_size=o["batch_size"], shuffle=True, drop_last=True,
                          num_workers=o["num_workers"], worker_init_fn=worker_init, generator=gen)
    val_dl = DataLoader(mk("val"), batch_size=256, num_workers=o["num_workers"])
    test_dl = DataLoader(mk("test"), batch_size=256, num_workers=o["num_workers"])

    model = PoseTransformer(75 * 2, len(glosses), d["max_frames"], **m).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    steps, warm = o["epochs"] * len(train_dl), o["warmup_epochs"] * len(train_dl)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / warm if s < warm else 0.5 * (1 + math.cos(math.pi * (s - warm) / (steps - warm))))
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)

    best = -1.0
    for epoch in range(o["epochs"]):
        model.train()
        for x, y in train_dl:
            opt.zero_grad()
            loss = crit(model(x.to(device)), y.to(device))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        val_acc = run_eval(model, val_dl, device)
        print(f"epoch {epoch + 1}/{o['epochs']} loss {loss.item():.3f} val top-1 {val_acc:.4f}")
        if val_acc > best:
            best = val_acc
            torch.save(model.state_dict(), "pose_transformer_best.pt")

    model.load_state_dict(torch.load("pose_transformer_best.pt", map_location=device))
    print(f"test top-1 (held-out participants): {run_eval(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
