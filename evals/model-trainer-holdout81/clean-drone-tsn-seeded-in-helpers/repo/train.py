import argparse

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader, random_split
from torchvision.models import ResNet18_Weights, resnet18

from dronetsn.data import TubeDataset, read_index
from dronetsn.repro import evaluating, seed_everything, worker_init_fn


class TSN(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.backbone = resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)
        self.backbone.fc = nn.Sequential(nn.Dropout(0.5), nn.Linear(512, num_classes))

    def forward(self, x):
        b, k = x.shape[:2]
        return self.backbone(x.flatten(0, 1)).view(b, k, -1).mean(1)


def run_eval(model, loader, device, num_classes):
    conf = torch.zeros(num_classes, num_classes)
    with evaluating(model):
        for x, y in loader:
            pred = model(x.to(device)).argmax(1).cpu()
            conf += torch.bincount(y * num_classes + pred, minlength=num_classes ** 2).view(num_classes, num_classes)
    per_class = conf.diag() / conf.sum(1).clamp(min=1)
    return {"top1": (conf.diag().sum() / conf.sum()).item(), "mean_class_acc": per_class.mean().item()}


def main(cfg):
    seed_everything(cfg["seed"])
    dc, tc = cfg["data"], cfg["train"]
    device = "cuda" if torch.cuda.is_available() else "cpu"

    rows = read_index(dc["index"])
    num_classes = max(r["label"] for r in rows) + 1
    test_rows = [r for r in rows if r["drone"] in dc["test_drones"]]
    dev_rows = [r for r in rows if r["drone"] not in dc["test_drones"]]
    n_val = int(len(dev_rows) * dc["val_fraction"])
    g = torch.Generator().manual_seed(cfg["seed"])
    tr_rows, va_rows = random_split(dev_rows, [len(dev_rows) - n_val, n_val], generator=g)

    mk = lambda r, train: TubeDataset(dc["frames_root"], list(r), dc["num_segments"], train)
    train_dl = DataLoader(mk(tr_rows, True), batch_size=tc["batch_size"], shuffle=True, num_workers=6,
                          drop_last=True, worker_init_fn=worker_init_fn, generator=g)
    val_dl = DataLoader(mk(va_rows, False), batch_size=32, num_workers=6)
    test_dl = DataLoader(mk(test_rows, False), batch_size=32, num_workers=6)

    train_labels = np.array([r["label"] for r in tr_rows])
    test_labels = np.array([r["label"] for r in test_rows])
    majority_acc = float((test_labels == np.bincount(train_labels).argmax()).mean())

    model = TSN(num_classes).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=tc["lr"], momentum=0.9, weight_decay=5e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=tc["epochs"])
    loss_fn = nn.CrossEntropyLoss()

    best, stale = -1.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()
        sched.step()
        val = run_eval(model, val_dl, device, num_classes)
        print(epoch, val)
        if val["mean_class_acc"] > best:
            best, stale = val["mean_class_acc"], 0
            torch.save(model.state_dict(), tc["ckpt"])
        else:
            stale += 1
            if stale >= tc["patience"]:
                break

    model.load_state_dict(torch.load(tc["ckpt"], map_location=device))
    print({"majority_top1": majority_acc, "majority_mean_class_acc": 1.0 / num_classes,
           **{f"tsn_{k}": v for k, v in run_eval(model, test_dl, device, num_classes).items()}})


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/okutama_tsn.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
