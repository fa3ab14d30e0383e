import random

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from torch.utils.data import DataLoader

from data import LandslidePatches, verify_archive
from net import SmallUNet


def f1_counts(logits, y):
    p = (logits > 0).float()
    return (p * y).sum().item(), (p * (1 - y)).sum().item(), ((1 - p) * y).sum().item()


def evaluate(model, loader, device):
    model.eval()
    tp = fp = fn = 0.0
    with torch.no_grad():
        for x, y in loader:
            a, b, c = f1_counts(model(x.to(device)), y.to(device))
            tp, fp, fn = tp + a, fp + b, fn + c
    return 2 * tp / max(2 * tp + fp + fn, 1.0)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])

    d, t = cfg["data"], cfg["train"]
    verify_archive(d["archive"], d["archive_sha256"])
    # WANDB_API_KEY comes from the environment / ~/.netrc
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], tags=cfg["wandb"]["tags"], config=cfg)

    ds = lambda lst, flip=False: LandslidePatches(d["root"], d[lst], d["mean"], d["std"], flip)
    train_dl = DataLoader(ds("train_list", flip=True), batch_size=t["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(ds("val_list"), batch_size=64)
    test_dl = DataLoader(ds("test_list"), batch_size=64)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = SmallUNet(cin=d["bands"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=t["lr"])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(t["pos_weight"], device=device))

    best = -1.0
    for epoch in range(t["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        val_f1 = evaluate(model, val_dl, device)
        wandb.log({"epoch": epoch, "loss": loss.item(), "val_f1": val_f1})
        if val_f1 > best:
            best = val_f1
            torch.save(model.state_dict(), "best.pt")

    model.load_state_dict(torch.load("best.pt", map_location=device))
    test_f1 = evaluate(model, test_dl, device)
    run.summary.update({"best_val_f1": best, "test_f1": test_f1})
    print(f"val F1 {best:.4f}  test F1 {test_f1:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
