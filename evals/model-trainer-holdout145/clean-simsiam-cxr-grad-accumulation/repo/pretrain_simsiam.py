"""SimSiam pre-training on unlabelled chest X-rays (CheXpert train images only).

Effective batch 512 on a single 24 GB card: micro-batch 64 x 8 accumulation steps.
"""
import argparse
import glob
import os
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T
from PIL import Image
from torch.utils.data import DataLoader, Dataset


class CXRFolder(Dataset):
    def __init__(self, root, transform):
        self.paths = sorted(glob.glob(os.path.join(root, "patient*", "study*", "*_frontal.jpg")))
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("L")
        return self.transform(img), self.transform(img)


class SimSiam(nn.Module):
    def __init__(self, dim=2048, pred_dim=512):
        super().__init__()
        self.backbone = torchvision.models.resnet50(weights=None)
        self.backbone.conv1 = nn.Conv2d(1, 64, 7, 2, 3, bias=False)
        prev = self.backbone.fc.in_features
        self.backbone.fc = nn.Identity()
        self.projector = nn.Sequential(
            nn.Linear(prev, dim, bias=False), nn.BatchNorm1d(dim), nn.ReLU(inplace=True),
            nn.Linear(dim, dim, bias=False), nn.BatchNorm1d(dim), nn.ReLU(inplace=True),
            nn.Linear(dim, dim, bias=False), nn.BatchNorm1d(dim, affine=False),
        )
        self.predictor = nn.Sequential(
            nn.Linear(dim, pred_dim, bias=False), nn.BatchNorm1d(pred_dim), nn.ReLU(inplace=True),
            nn.Linear(pred_dim, dim),
        )

    def forward(self, x1, x2):
        z1 = self.projector(self.backbone(x1))
        z2 = self.projector(self.backbone(x2))
        p1, p2 = self.predictor(z1), self.predictor(z2)
        # stop-gradient on the target branch
        return p1, p2, z1.detach(), z2.detach()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/data/CheXpert-v1.0/train")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--micro-bs", type=int, default=64)
    ap.add_argument("--accum", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", default="checkpoints/simsiam_cxr")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda")

    aug = T.Compose([
        T.RandomResizedCrop(224, scale=(0.3, 1.0)),
        T.RandomRotation(10),
        T.RandomApply([T.ColorJitter(brightness=0.4, contrast=0.4)], p=0.8),
        T.RandomApply([T.GaussianBlur(23, sigma=(0.1, 2.0))], p=0.5),
        T.ToTensor(),
        T.Normalize([0.5029], [0.2899]),
    ])
    loader = DataLoader(CXRFolder(args.root, aug), batch_size=args.micro_bs, shuffle=True,
                        drop_last=True, num_workers=12, pin_memory=True)

    model = SimSiam().to(device)
    eff_bs = args.micro_bs * args.accum
    base_lr = 0.05 * eff_bs / 256
    optimizer = torch.optim.SGD([
        {"params": list(model.backbone.parameters()) + list(model.projector.parameters()), "fix_lr": False},
        {"params": model.predictor.parameters(), "fix_lr": True},
    ], lr=base_lr, momentum=0.9, weight_decay=1e-4)
    os.makedirs(args.out, exist_ok=True)

    for epoch in range(args.epochs):
        cur_lr = base_lr * 0.5 * (1.0 + np.cos(np.pi * epoch / args.epochs))
        for g in optimizer.param_groups:
            g["lr"] = base_lr if g["fix_lr"] else cur_lr

        model.train()
        optimizer.zero_grad(set_to_none=True)
        running = 0.0
        for step, (x1, x2) in enumerate(loader):
            x1, x2 = x1.to(device, non_blocking=True), x2.to(device, non_blocking=True)
            p1, p2, z1, z2 = model(x1, x2)
            loss = -0.5 * (F.cosine_similarity(p1, z2).mean() + F.cosine_similarity(p2, z1).mean())
            (loss / args.accum).backward()
            running += loss.item()
            if (step + 1) % args.accum == 0:
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)

        print(f"epoch {epoch:03d}  lr {cur_lr:.4f}  loss {running / len(loader):.4f}")
        torch.save({"epoch": epoch, "backbone": model.backbone.state_dict(),
                    "optimizer": optimizer.state_dict()}, os.path.join(args.out, "last.pth"))


if __name__ == "__main__":
    main()
