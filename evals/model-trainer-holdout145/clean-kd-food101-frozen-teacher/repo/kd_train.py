import json
import random

import numpy as np
import timm
import torch
from sklearn.model_selection import train_test_split
from timm.data import create_transform
from torch.utils.data import DataLoader, Subset
from torchvision.datasets import Food101

from kd_loss import DistillationLoss

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda")

train_tf = create_transform(cfg["img_size"], is_training=True, auto_augment="rand-m9-mstd0.5")
eval_tf = create_transform(cfg["img_size"], is_training=False)
train_aug = Food101(cfg["data_root"], split="train", transform=train_tf, download=True)
train_eval = Food101(cfg["data_root"], split="train", transform=eval_tf)
test_ds = Food101(cfg["data_root"], split="test", transform=eval_tf, download=True)

idx = np.arange(len(train_aug))
tr_idx, val_idx = train_test_split(idx, test_size=cfg["val_fraction"], stratify=train_aug._labels,
                                   random_state=cfg["seed"])
train_loader = DataLoader(Subset(train_aug, tr_idx), batch_size=cfg["batch_size"], shuffle=True,
                          num_workers=10, pin_memory=True, drop_last=True)
val_loader = DataLoader(Subset(train_eval, val_idx), batch_size=256, num_workers=10)
test_loader = DataLoader(test_ds, batch_size=256, num_workers=10)

teacher = timm.create_model(cfg["teacher"]["name"], num_classes=101)
teacher.load_state_dict(torch.load(cfg["teacher"]["ckpt"], map_location="cpu"))
teacher.to(device).requires_grad_(False)

student = timm.create_model(cfg["student"]["name"], pretrained=cfg["student"]["pretrained"],
                            num_classes=101, drop_rate=cfg["student"]["drop_rate"]).to(device)
criterion = DistillationLoss(cfg["temperature"], cfg["alpha"])
optimizer = torch.optim.AdamW(student.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"], pct_start=0.1,
                                                total_steps=cfg["epochs"] * len(train_loader))


@torch.inference_mode()
def accuracy(model, loader):
    model.eval()
    hits = n = 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            hits += (model(x).argmax(-1) == y).sum().item()
        n += y.numel()
    return hits / n


best_val = 0.0
for epoch in range(cfg["epochs"]):
    student.train()
    teacher.eval()
    for x, y in train_loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            with torch.no_grad():
                t_logits = teacher(x)
            loss = criterion(student(x).float(), t_logits.float(), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        scheduler.step()

    val_acc = accuracy(student, val_loader)
    if val_acc > best_val:
        best_val = val_acc
        torch.save(student.state_dict(), "student_best.pth")
    print(f"epoch {epoch + 1:02d}  last loss {loss.item():.4f}  val acc {val_acc:.4f}  best {best_val:.4f}")

student.load_state_dict(torch.load("student_best.pth", map_location=device))
print(f"teacher test acc {accuracy(teacher, test_loader):.4f}")
print(f"student test acc {accuracy(student, test_loader):.4f}  (selected on val {best_val:.4f})")
