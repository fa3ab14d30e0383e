"""Fine-tune a timm backbone on the submersible-pump impeller casting images (def_front / ok_front).

Expects the Kaggle layout: <data-dir>/train/{def_front,ok_front}, <data-dir>/test/{def_front,ok_front}
"""
import argparse
import random
from pathlib import Path

import numpy as np
import timm
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score, recall_score
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", type=Path, default=Path("data/casting_data"))
    p.add_argument("--model", default="efficientnet_b0")
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", type=Path, default=Path("checkpoints/casting_best.pt"))
    return p.parse_args()


@torch.no_grad()
def evaluate(model, loader, device, defect_idx):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return {
        "acc": accuracy_score(y, p),
        "f1_defect": f1_score(y, p, pos_label=defect_idx),
        "recall_defect": recall_score(y, p, pos_label=defect_idx),
    }


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    model = timm.create_model(args.model, pretrained=True, num_classes=2, drop_rate=0.2)
    cfg = timm.data.resolve_model_data_config(model)
    train_tf = timm.data.create_transform(**cfg, is_training=True, hflip=0.5, vflip=0.5)
    eval_tf = timm.data.create_transform(**cfg, is_training=False)

    train_ds = ImageFolder(args.data_dir / "train", transform=train_tf)
    test_ds = ImageFolder(args.data_dir / "test", transform=eval_tf)
    defect_idx = train_ds.class_to_idx["def_front"]
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=6, pin_memory=True)
    test_dl = DataLoader(test_ds, batch_size=64, num_workers=6)

    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs * len(train_dl))
    crit = nn.CrossEntropyLoss()
    args.out.parent.mkdir(parents=True, exist_ok=True)

    best_f1 = 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            sched.step()
            running += loss.item()
        metrics = evaluate(model, test_dl, device, defect_idx)
        print(f"[{epoch:02d}] loss {running / len(train_dl):.4f}  " +
              "  ".join(f"{k} {v:.4f}" for k, v in metrics.items()))
        if metrics["f1_defect"] > best_f1:
            best_f1 = metrics["f1_defect"]
            torch.save(model.state_dict(), args.out)

    model.load_state_dict(torch.load(args.out, map_location=device))
    final = evaluate(model, test_dl, device, defect_idx)
    print("FINAL test:", {k: round(v, 4) for k, v in final.items()})


if __name__ == "__main__":
    main()
