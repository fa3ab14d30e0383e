"""BYOL on Tiny-ImageNet (ResNet-18), followed by a frozen-feature logistic probe."""
import argparse
import copy
import math
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from torch.utils.data import DataLoader


def mlp(d_in, d_hidden=4096, d_out=256):
    return nn.Sequential(nn.Linear(d_in, d_hidden), nn.BatchNorm1d(d_hidden), nn.ReLU(inplace=True),
                         nn.Linear(d_hidden, d_out))


class BYOL(nn.Module):
    def __init__(self):
        super().__init__()
        backbone = torchvision.models.resnet18()
        backbone.fc = nn.Identity()
        self.online = nn.Sequential(backbone, mlp(512))
        self.predictor = mlp(256)
        self.target = copy.deepcopy(self.online)
        self.target.requires_grad_(False)

    @torch.no_grad()
    def update_target(self, tau):
        for p_o, p_t in zip(self.online.parameters(), self.target.parameters()):
            p_t.mul_(tau).add_(p_o.detach(), alpha=1.0 - tau)
        for b_o, b_t in zip(self.online.buffers(), self.target.buffers()):
            b_t.copy_(b_o)

    def forward(self, v1, v2):
        p1, p2 = self.predictor(self.online(v1)), self.predictor(self.online(v2))
        with torch.no_grad():
            t1, t2 = self.target(v1), self.target(v2)
        return byol_loss(p1, t2) + byol_loss(p2, t1)


def byol_loss(p, z):
    return (2 - 2 * F.cosine_similarity(p, z.detach(), dim=-1)).mean()


class TwoViews:
    def __init__(self):
        norm = T.Normalize((0.480, 0.448, 0.398), (0.277, 0.269, 0.282))
        self.v1 = T.Compose([T.RandomResizedCrop(64, scale=(0.08, 1.0)), T.RandomHorizontalFlip(),
                             T.RandomApply([T.ColorJitter(0.4, 0.4, 0.2, 0.1)], p=0.8), T.RandomGrayscale(0.2),
                             T.GaussianBlur(7), T.ToTensor(), norm])
        self.v2 = T.Compose([T.RandomResizedCrop(64, scale=(0.08, 1.0)), T.RandomHorizontalFlip(),
                             T.RandomApply([T.ColorJitter(0.4, 0.4, 0.2, 0.1)], p=0.8), T.RandomGrayscale(0.2),
                             T.RandomSolarize(0.5, p=0.2), T.ToTensor(), norm])

    def __call__(self, img):
        return self.v1(img), self.v2(img)


@torch.no_grad()
def features(encoder, root, device):
    tf = T.Compose([T.ToTensor(), T.Normalize((0.480, 0.448, 0.398), (0.277, 0.269, 0.282))])
    ds = torchvision.datasets.ImageFolder(root, transform=tf)
    encoder.eval()
    out, ys = [], []
    for x, y in DataLoader(ds, batch_size=512, num_workers=8):
        out.append(encoder(x.to(device)).cpu())
        ys.append(y)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/data/tiny-imagenet-200")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--bs", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--base-tau", type=float, default=0.996)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda")

    ds = torchvision.datasets.ImageFolder(f"{args.root}/train", transform=TwoViews())
    loader = DataLoader(ds, batch_size=args.bs, shuffle=True, drop_last=True, num_workers=12, pin_memory=True)

    model = BYOL().to(device)
    trainable = list(model.online.parameters()) + list(model.predictor.parameters())
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=1e-6)

    total_steps, step = args.epochs * len(loader), 0
    for epoch in range(args.epochs):
        model.train()
        for (v1, v2), _ in loader:
            v1, v2 = v1.to(device, non_blocking=True), v2.to(device, non_blocking=True)
            loss = model(v1, v2)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            tau = 1 - (1 - args.base_tau) * (math.cos(math.pi * step / total_steps) + 1) / 2
            model.update_target(tau)
            step += 1
        print(f"epoch {epoch}  loss {loss.item():.4f}  tau {tau:.5f}")

    encoder = model.online[0]
    torch.save(encoder.state_dict(), "byol_r18_tinyimagenet.pt")

    # Tiny-ImageNet val/ has been re-organised into class folders; it is our held-out test set
    X_tr, y_tr = features(encoder, f"{args.root}/train", device)
    X_te, y_te = features(encoder, f"{args.root}/val", device)
    probe = LogisticRegression(max_iter=1000, C=0.1)
    probe.fit(X_tr, y_tr)
    print(f"BYOL linear probe top-1: {accuracy_score(y_te, probe.predict(X_te)):.4f}")


if __name__ == "__main__":
    main()
