"""Fine-tune torchvision S3D on WLASL300 with gradient accumulation (one 24 GB GPU).

Clips were decoded once by cache_clips.py into uint8 tensors (T, H, W, C) at 256x256.
"""
import argparse
import json
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
from torchvision.models.video import S3D_Weights, s3d

MEAN = torch.tensor([0.43216, 0.394666, 0.37645]).view(3, 1, 1, 1)
STD = torch.tensor([0.22803, 0.22145, 0.216989]).view(3, 1, 1, 1)


class CachedClips(Dataset):
    def __init__(self, index_path, split, frames=32, train=False):
        self.items = [(r["cache"], r["label"]) for r in json.load(open(index_path)) if r["split"] == split]
        self.frames, self.train = frames, train

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        video = torch.load(path)                                      # (T, 256, 256, 3) uint8
        t = video.shape[0]
        if self.train:
            start = random.randint(0, max(t - self.frames, 0))
            idx = torch.arange(start, start + self.frames).clamp(max=t - 1)
            y0, x0 = random.randint(0, 32), random.randint(0, 32)
        else:
            idx = torch.linspace(0, t - 1, self.frames).long()
            y0 = x0 = 16
        clip = video[idx, y0:y0 + 224, x0:x0 + 224].permute(3, 0, 1, 2).float() / 255.0
        return (clip - MEAN) / STD, label


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    hit = n = 0
    for x, y in loader:
        with torch.autocast("cuda", dtype=torch.float16):
            logits = model(x.to(device))
        hit += (logits.argmax(1).cpu() == y).sum().item()
        n += len(y)
    return hit / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default="cache/wlasl300_index.json")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--micro-bs", type=int, default=2)
    ap.add_argument("--accum", type=int, default=12)         # effective batch 24
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=300)
    args = ap.parse_args()

    random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)
    device = torch.device("cuda")

    train_dl = DataLoader(CachedClips(args.index, "train", train=True), batch_size=args.micro_bs,
                          shuffle=True, num_workers=6, drop_last=True)
    val_dl = DataLoader(CachedClips(args.index, "val"), batch_size=8, num_workers=6)
    test_dl = DataLoader(CachedClips(args.index, "test"), batch_size=8, num_workers=6)

    model = s3d(weights=S3D_Weights.KINETICS400_V1)
    model.classifier[1] = nn.Conv3d(1024, 300, kernel_size=1)
    model.to(device)

    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    scaler = torch.cuda.amp.GradScaler()

    best = 0.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl, start=1):
            with torch.autocast("cuda", dtype=torch.float16):
                loss = F.cross_entropy(model(x.to(device)), y.to(device), label_smoothing=0.1) / args.accum
            scaler.scale(loss).backward()
            if step % args.accum == 0 or step == len(train_dl):
                scaler.unscale_(opt)
                nn.utils.clip_grad_norm_(model.parameters(), 2.0)
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)
        sched.step()

        acc = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: val top-1 {acc:.4f}")
        if acc > best:
            best = acc
            torch.save(model.state_dict(), "s3d_wlasl300.pt")

    model.load_state_dict(torch.load("s3d_wlasl300.pt"))
    print(f"WLASL300 test top-1 {evaluate(model, test_dl, device):.4f} (val {best:.4f})")


if __name__ == "__main__":
    main()
