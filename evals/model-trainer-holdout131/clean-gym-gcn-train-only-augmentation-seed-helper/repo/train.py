import argparse
import json
import math

import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from src.data import GymSkeletons
from src.model import GymGCN
from src.utils import AverageMeter, seed_everything, worker_init_fn


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    acc = AverageMeter()
    for x, y in loader:
        pred = model(x.to(device)).argmax(1).cpu()
        acc.update((pred == y).float().mean().item(), len(y))
    return acc.avg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/gym_gcn.yaml")
    ap.add_argument("--num-classes", type=int, default=22)
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    seed_everything(cfg["seed"], cfg["deterministic"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    d, t = cfg["data"], cfg["train"]
    ds = {s: GymSkeletons(d["root"], d["split_dir"], s, d["num_frames"], aug=d["aug"])
          for s in ("train", "val", "test")}
    train_dl = DataLoader(ds["train"], t["batch_size"], shuffle=True, num_workers=4,
                          worker_init_fn=worker_init_fn, drop_last=True)
    val_dl = DataLoader(ds["val"], 128, num_workers=4)
    test_dl = DataLoader(ds["test"], 128, num_workers=4)

    model = GymGCN(args.num_classes, tuple(cfg["model"]["hidden"]), cfg["model"]["dropout"]).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=t["lr"], momentum=t["momentum"],
                          weight_decay=t["weight_decay"], nesterov=True)
    warm, total = t["warmup_epochs"], t["epochs"]
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda e: (e + 1) / warm if e < warm else 0.5 * (1 + math.cos(math.pi * (e - warm) / (total - warm))))
    crit = nn.CrossEntropyLoss()

    best = {"val_acc": 0.0, "epoch": -1}
    for epoch in range(total):
        model.train()
        loss_m = AverageMeter()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            loss_m.update(loss.item(), len(y))
        sched.step()
        val_acc = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {loss_m.avg:.4f} val {val_acc:.4f}")
        if val_acc > best["val_acc"]:
            best = {"val_acc": val_acc, "epoch": epoch}
            torch.save(model.state_dict(), "gym_gcn_best.pt")

    model.load_state_dict(torch.load("gym_gcn_best.pt", map_location=device))
    best["test_acc"] = evaluate(model, test_dl, device)
    json.dump(best, open("gym_gcn_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
