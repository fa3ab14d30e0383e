import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader
from torchvision.models.video import S3D_Weights, s3d

from retail.data import ActionSegments, load_annotations
from retail.engine import evaluate, train_one_epoch
from retail.utils import EarlyStopper, save_checkpoint, seed_everything


def majority_baseline(train_y, eval_y):
    p = np.full_like(eval_y, np.bincount(train_y).argmax())
    return {"top1": float(np.mean(p == eval_y)), "balanced_acc": balanced_accuracy_score(eval_y, p),
            "macro_f1": f1_score(eval_y, p, average="macro")}


def main(cfg):
    seed_everything(cfg["seed"])
    dc, tc = cfg["data"], cfg["train"]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df, classes = load_annotations(dc["annotations"])
    parts = {s: df[df.split == s] for s in ("train", "val", "test")}
    ds = {s: ActionSegments(d, dc["video_root"], dc["num_frames"], dc["stride"], s == "train") for s, d in parts.items()}
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(ds["train"], batch_size=tc["micro_batch"], shuffle=True, num_workers=8,
                          drop_last=True, generator=g)
    val_dl = DataLoader(ds["val"], batch_size=16, num_workers=8)
    test_dl = DataLoader(ds["test"], batch_size=16, num_workers=8)

    model = s3d(weights=S3D_Weights.KINETICS400_V1)
    model.classifier[1] = nn.Conv3d(1024, len(classes), kernel_size=1)
    model = model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])
    scaler = torch.cuda.amp.GradScaler(enabled=tc["amp"])
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    stopper = EarlyStopper(tc["patience"])
    best_path = os.path.join(tc["ckpt_dir"], "best.pt")

    for epoch in range(tc["epochs"]):
        loss = train_one_epoch(model, train_dl, criterion, optimizer, scaler, device, tc["accum_steps"], tc["amp"])
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch} train_loss {loss:.4f} val {val}")
        improved, stop = stopper.step(val["macro_f1"])
        if improved:
            save_checkpoint(best_path, model, optimizer, epoch, val)
        if stop:
            print(f"no improvement for {tc['patience']} epochs, stopping")
            break

    model.load_state_dict(torch.load(best_path, map_location=device)["model"])
    train_y = parts["train"].y.to_numpy()
    print("majority baseline (test):", majority_baseline(train_y, parts["test"].y.to_numpy()))
    print("S3D (test):", evaluate(model, test_dl, device))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/retail_s3d.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
