import argparse
import json
import random
from pathlib import Path

import numpy as np
import timm
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader
from torchvision import transforms as T

from breakhis.data import BreakHisDataset, build_manifest, patient_split
from breakhis.engine import evaluate, train_one_epoch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_transforms(size, mean, std):
    train_tf = T.Compose([
        T.RandomResizedCrop(size, scale=(0.6, 1.0)),
        T.RandomHorizontalFlip(),
        T.RandomVerticalFlip(),
        T.ColorJitter(0.15, 0.15, 0.1, 0.03),
        T.ToTensor(),
        T.Normalize(mean, std),
    ])
    eval_tf = T.Compose([T.Resize(size), T.CenterCrop(size), T.ToTensor(), T.Normalize(mean, std)])
    return train_tf, eval_tf


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path("checkpoints") / cfg["experiment"]
    out_dir.mkdir(parents=True, exist_ok=True)

    d = cfg["data"]
    manifest = build_manifest(d["root"], d["magnification"])
    train_df, test_df = patient_split(manifest, d["test_fraction"], cfg["seed"])
    print(f"{train_df.patient.nunique()} train patients, {test_df.patient.nunique()} test patients")

    model = timm.create_model(
        cfg["model"]["name"], pretrained=cfg["model"]["pretrained"], num_classes=1,
        drop_rate=cfg["model"]["drop_rate"], drop_path_rate=cfg["model"]["drop_path_rate"],
    ).to(device)
    data_cfg = timm.data.resolve_data_config({}, model=model)
    train_tf, eval_tf = make_transforms(d["image_size"], data_cfg["mean"], data_cfg["std"])

    train_loader = DataLoader(BreakHisDataset(train_df, train_tf), batch_size=d["batch_size"],
                              shuffle=True, num_workers=d["num_workers"], drop_last=True)
    test_loader = DataLoader(BreakHisDataset(test_df, eval_tf), batch_size=d["batch_size"],
                             num_workers=d["num_workers"])

    pos_weight = torch.tensor([(train_df.label == 0).sum() / (train_df.label == 1).sum()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    o = cfg["optim"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=o["epochs"])
    scaler = torch.cuda.amp.GradScaler() if device.type == "cuda" else None

    best_auroc, stale = 0.0, 0
    for epoch in range(o["epochs"]):
        train_loss = train_one_epoch(model, train_loader, optimizer, criterion, device, scaler)
        scheduler.step()
        val_metrics = evaluate(model, test_loader, criterion, device)
        print(f"[{epoch:02d}] train_loss={train_loss:.4f} val={val_metrics}")
        if val_metrics["auroc"] > best_auroc:
            best_auroc, stale = val_metrics["auroc"], 0
            torch.save(model.state_dict(), out_dir / "best.pth")
        else:
            stale += 1
            if stale >= o["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pth", map_location=device))
    final = evaluate(model, test_loader, criterion, device)
    (out_dir / "metrics.json").write_text(json.dumps(final, indent=2))
    print("held-out patients:", final)

    if cfg["hub"]["push"]:
        timm.models.push_to_hf_hub(model, cfg["hub"]["repo_id"], token=cfg["hub"]["token"])


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(p.parse_args().config)))
