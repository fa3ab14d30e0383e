"""Crop / weed / soil segmentation, fields held out as whole groups.

usage: python train.py config.toml
"""
import json
import sys
from pathlib import Path

import cv2
import pandas as pd
import segmentation_models_pytorch as smp
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from agriseg.data import CLASSES, FieldImages, exg_baseline_mask
from agriseg.metrics import ConfusionMeter, evaluate
from agriseg.utils import load_config, seed_everything, worker_init


def split_by_field(df, cfg):
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg.data.test_fraction, random_state=cfg.run.seed)
    dev_idx, test_idx = next(outer.split(df, groups=df.field_id))
    dev = df.iloc[dev_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg.data.val_fraction, random_state=cfg.run.seed)
    tr, va = next(inner.split(dev, groups=dev.field_id))
    return dev.iloc[tr], dev.iloc[va], df.iloc[test_idx]


def exg_scores(df, size):
    meter = ConfusionMeter(len(CLASSES))
    for r in df.itertuples():
        rgb = cv2.cvtColor(cv2.imread(r.image), cv2.COLOR_BGR2RGB)
        gt = cv2.resize(cv2.imread(r.mask, cv2.IMREAD_GRAYSCALE), (size, size), interpolation=cv2.INTER_NEAREST)
        meter.update(exg_baseline_mask(rgb, size), gt.astype("int64"))
    return meter.scores(CLASSES)


def main(cfg_path):
    cfg = load_config(cfg_path)
    seed_everything(cfg.run.seed)
    device = torch.device(cfg.run.device)
    out = Path(cfg.run.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(cfg.data.index_csv)
    train_df, val_df, test_df = split_by_field(df, cfg)
    print(f"fields: train {train_df.field_id.nunique()} val {val_df.field_id.nunique()} test {test_df.field_id.nunique()}")

    size, bs = cfg.data.image_size, cfg.train.batch_size
    train_loader = DataLoader(FieldImages(train_df, size, train=True), batch_size=bs, shuffle=True, drop_last=True,
                              num_workers=6, worker_init_fn=worker_init)
    val_loader = DataLoader(FieldImages(val_df, size), batch_size=bs, num_workers=6)
    test_loader = DataLoader(FieldImages(test_df, size), batch_size=bs, num_workers=6)

    model = smp.Unet(cfg.train.encoder, encoder_weights="imagenet", classes=len(CLASSES)).to(device)
    focal = smp.losses.FocalLoss("multiclass")
    dice = smp.losses.DiceLoss("multiclass")
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.train.lr, weight_decay=cfg.train.weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg.train.lr, epochs=cfg.train.epochs,
                                                    steps_per_epoch=len(train_loader), pct_start=0.1)

    best, stale = -1.0, 0
    for epoch in range(cfg.train.epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            logits = model(x)
            loss = focal(logits, y) + dice(logits, y)
            loss.backward()
            optimizer.step()
            scheduler.step()
        val = evaluate(model, val_loader, device, CLASSES)
        print(f"epoch {epoch}: loss {loss.item():.4f} " + " ".join(f"{k}={v:.3f}" for k, v in val.items()))
        if val["mIoU"] > best:
            best, stale = val["mIoU"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= cfg.train.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    report = {"unet_test": evaluate(model, test_loader, device, CLASSES),
              "exg_otsu_baseline_test": exg_scores(test_df, size)}
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.toml")
