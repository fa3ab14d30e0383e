"""Parcel boundary segmentation (LPIS 2022 labels) with a pretrained ResNet-34 U-Net.

256x256 chips fit only 4 per GPU, so gradients are accumulated over several
micro-batches to reach an effective batch of 32.
"""
import numpy as np
import segmentation_models_pytorch as smp
import torch
import yaml
from torch.utils.data import DataLoader, TensorDataset

from parcels.common import fix_seeds
from parcels.evaluation import ndvi_edge_baseline, validate


def tensors(npz, idx):
    x = torch.from_numpy(np.clip(npz["chips"][idx] / 10000.0, 0, 1).astype(np.float32))
    y = torch.from_numpy(npz["boundary"][idx][:, None].astype(np.float32))
    return TensorDataset(x, y)


def main():
    cfg = yaml.safe_load(open("train.yaml"))
    gen = fix_seeds(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    npz = np.load(cfg["chips"])
    region = npz["nuts3_region"]
    regions = np.unique(region)
    rng = np.random.default_rng(cfg["seed"])
    rng.shuffle(regions)
    k = max(1, int(0.15 * len(regions)))
    test_r, val_r = regions[:k], regions[k:2 * k]
    idx = np.arange(len(region))
    tr_idx = idx[~np.isin(region, np.concatenate([test_r, val_r]))]
    va_idx, te_idx = idx[np.isin(region, val_r)], idx[np.isin(region, test_r)]

    train_ds, val_ds, test_ds = tensors(npz, tr_idx), tensors(npz, va_idx), tensors(npz, te_idx)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=gen, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=16)
    test_dl = DataLoader(test_ds, batch_size=16)

    model = smp.Unet(cfg["encoder"], encoder_weights="imagenet", in_channels=4, classes=1).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    pos_weight = torch.tensor([4.0], device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    accum = cfg["accumulate_steps"]

    best, stale = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl, start=1):
            x, y = x.to(device), y.to(device)
            with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
                loss = criterion(model(x), y) / accum
            scaler.scale(loss).backward()
            if step % accum == 0 or step == len(train_dl):
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
        val = validate(model, val_dl, device)
        print(f"epoch {epoch:02d} val loss {val['loss']:.4f} IoU {val['iou']:.3f} F1 {val['f1']:.3f}")
        if val["loss"] < best:
            best, stale = val["loss"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test = validate(model, test_dl, device)
    baseline = ndvi_edge_baseline(train_ds, test_ds)
    print(f"TEST  U-Net      IoU {test['iou']:.3f}  F1 {test['f1']:.3f}")
    print(f"TEST  NDVI-Sobel IoU {baseline['iou']:.3f}  F1 {baseline['f1']:.3f} (t={baseline['threshold']:.2f})")


if __name__ == "__main__":
    main()
