"""CNN10 tagger for a 20-class urban subset of AudioSet, AMP + gradient accumulation."""
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from tagger.data import H5LogMel
from tagger.model import Cnn10
from tagger.utils import load_config, worker_init


def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    with torch.inference_mode():
        for xb, yb in loader:
            ps.append(torch.sigmoid(model(xb.to(device)).float()).cpu().numpy())
            ys.append(yb.numpy())
    y, p = np.concatenate(ys), np.concatenate(ps)
    keep = y.sum(axis=0) > 0
    return {"mAP": average_precision_score(y[:, keep], p[:, keep], average="macro"),
            "auc": roc_auc_score(y[:, keep], p[:, keep], average="macro")}


def main(cfg_path="config.yaml"):
    cfg = load_config(cfg_path)
    tcfg, dcfg = cfg["train"], cfg["data"]
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_ds = H5LogMel(dcfg["hdf5"], dcfg["train_manifest"], time_shift=100)
    val_ds = H5LogMel(dcfg["hdf5"], dcfg["val_manifest"])
    test_ds = H5LogMel(dcfg["hdf5"], dcfg["test_manifest"])
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True, num_workers=4,
                          worker_init_fn=worker_init, generator=g, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=64, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=64, num_workers=4)

    model = Cnn10(len(train_ds.class_names)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    criterion = nn.BCEWithLogitsLoss()
    scaler = torch.cuda.amp.GradScaler(enabled=tcfg["amp"] and device == "cuda")
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, stale = -1.0, 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (xb, yb) in enumerate(train_dl, start=1):
            xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
            with torch.autocast(device_type=device, enabled=tcfg["amp"] and device == "cuda"):
                loss = criterion(model(xb), yb) / tcfg["accum_steps"]
            scaler.scale(loss).backward()
            if step % tcfg["accum_steps"] == 0:
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)

        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} val mAP {val['mAP']:.4f} AUC {val['auc']:.4f}")
        if val["mAP"] > best:
            best, stale = val["mAP"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "val": val}, ckpt)
        else:
            stale += 1
            if stale >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    y_test = test_ds.labels
    prior = np.tile(train_ds.labels.mean(axis=0), (len(y_test), 1))
    keep = y_test.sum(axis=0) > 0
    print("label-prior baseline mAP:", average_precision_score(y_test[:, keep], prior[:, keep], average="macro"))
    print("test:", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main(*sys.argv[1:])
