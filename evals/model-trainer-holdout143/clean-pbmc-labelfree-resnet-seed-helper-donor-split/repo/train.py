import argparse
import json
import os

import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import classification_report
from torch.utils.data import DataLoader
from torchvision.models import resnet18

from data import CropDataset, donor_split
from engine import evaluate, train_one_epoch
from utils import seed_worker, set_seed


def build_model(in_ch, n_classes):
    m = resnet18(weights=None, num_classes=n_classes)
    # 64 px crops: 3x3 stem without the max-pool
    m.conv1 = nn.Conv2d(in_ch, 64, kernel_size=3, stride=1, padding=1, bias=False)
    m.maxpool = nn.Identity()
    return m


def main(cfg):
    g = set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    os.makedirs(cfg["out_dir"], exist_ok=True)

    index = pd.read_csv(cfg["index_csv"])
    train_df, val_df, test_df = donor_split(index, cfg["test_donors"], cfg["val_donors"], cfg["seed"])
    loader_kw = dict(num_workers=8, worker_init_fn=seed_worker, pin_memory=True)
    train_dl = DataLoader(CropDataset(train_df, cfg["classes"], augment=True), batch_size=cfg["batch_size"],
                          shuffle=True, generator=g, drop_last=True, **loader_kw)
    val_dl = DataLoader(CropDataset(val_df, cfg["classes"]), batch_size=512, **loader_kw)
    test_dl = DataLoader(CropDataset(test_df, cfg["classes"]), batch_size=512, **loader_kw)

    model = build_model(cfg["in_channels"], len(cfg["classes"])).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    ckpt = os.path.join(cfg["out_dir"], "best.pt")
    best, bad_epochs = -1.0, 0
    for epoch in range(cfg["epochs"]):
        loss = train_one_epoch(model, train_dl, criterion, optimizer, device)
        scheduler.step()
        val_bacc, _, _ = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {loss:.4f} val_bacc {val_bacc:.4f}")
        if val_bacc > best:
            best, bad_epochs = val_bacc, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_bacc, y_true, y_pred = evaluate(model, test_dl, device)
    print(classification_report(y_true, y_pred, target_names=cfg["classes"], digits=3))
    with open(os.path.join(cfg["out_dir"], "metrics.json"), "w") as fh:
        json.dump({"val_bacc": best, "test_bacc": test_bacc,
                   "test_donors": sorted(test_df["donor"].unique().tolist())}, fh, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/resnet18_bf_dapi.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
