"""Direct keypoint regression (ResNet-18 + linear head) for the gym camera pipeline."""
import json
import random

import numpy as np
import torch
import torch.nn as nn
import torchvision
from torch.utils.data import DataLoader

from dataset import PersonCropDataset

SEED = 0
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

ANN = "data/gym_pose/annotations/person_keypoints_gym.json"
IMG_DIR = "data/gym_pose/images"
EPOCHS, LR = 30, 3e-4
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def build_model():
    net = torchvision.models.resnet18(weights=torchvision.models.ResNet18_Weights.IMAGENET1K_V1)
    net.fc = nn.Sequential(nn.Dropout(0.2), nn.Linear(512, 34), nn.Sigmoid())
    return net


def masked_l1(pred, target, vis):
    mask = vis.repeat_interleave(2, dim=1)
    return (torch.abs(pred - target) * mask).sum() / mask.sum().clamp(min=1)


def pck(pred, target, vis, thr=0.2):
    """PCK with threshold relative to torso size (left shoulder -> right hip)."""
    p, t = pred.view(-1, 17, 2), target.view(-1, 17, 2)
    torso = torch.linalg.norm(t[:, 5] - t[:, 12], dim=1, keepdim=True).clamp(min=1e-3)
    hit = (torch.linalg.norm(p - t, dim=2) / torso < thr).float() * vis
    return hit.sum().item(), vis.sum().item()


train_ds = PersonCropDataset(ANN, IMG_DIR, train=True)
train_loader = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=4, drop_last=True)

model = build_model().to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)

for epoch in range(EPOCHS):
    model.train()
    total = 0.0
    for img, xy, vis, _ in train_loader:
        img, xy, vis = img.to(device), xy.to(device), vis.to(device)
        optimizer.zero_grad()
        loss = masked_l1(model(img), xy, vis)
        loss.backward()
        optimizer.step()
        total += loss.item()
    scheduler.step()
    print(f"epoch {epoch + 1}/{EPOCHS}  L1 {total / len(train_loader):.4f}")

# evaluation pass (no flip augmentation)
eval_ds = PersonCropDataset(ANN, IMG_DIR, train=False)
eval_loader = DataLoader(eval_ds, batch_size=64, shuffle=False, num_workers=4)
model.eval()
hits = total_vis = 0.0
with torch.no_grad():
    for img, xy, vis, _ in eval_loader:
        h, n = pck(model(img.to(device)).cpu(), xy, vis)
        hits += h
        total_vis += n
score = hits / total_vis
print(f"PCK@0.2: {score:.3f}")

torch.save(model.state_dict(), "checkpoints/resnet18_kpreg.pt")
json.dump({"pck@0.2": score, "n_samples": len(eval_ds)}, open("checkpoints/metrics.json", "w"), indent=2)
