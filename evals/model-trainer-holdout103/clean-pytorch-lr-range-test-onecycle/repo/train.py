"""CIFAR-10 ResNet-18: pick max_lr with an LR range test, then train with OneCycleLR."""
import os
import random

import numpy as np
import torch
import torch.nn as nn
import torchvision
import yaml
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import transforms

from lr_finder import lr_range_test, suggest_lr

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

stats = ((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616))
train_tf = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
                               transforms.ToTensor(), transforms.Normalize(*stats)])
eval_tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(*stats)])

train_aug = torchvision.datasets.CIFAR10(cfg["data_root"], train=True, download=True, transform=train_tf)
train_plain = torchvision.datasets.CIFAR10(cfg["data_root"], train=True, transform=eval_tf)
test_set = torchvision.datasets.CIFAR10(cfg["data_root"], train=False, download=True, transform=eval_tf)
tr_idx, va_idx = train_test_split(np.arange(len(train_aug)), test_size=cfg["val_size"],
                                  stratify=train_aug.targets, random_state=cfg["seed"])
train_loader = DataLoader(Subset(train_aug, tr_idx), batch_size=cfg["batch_size"], shuffle=True,
                          num_workers=4, drop_last=True)
val_loader = DataLoader(Subset(train_plain, va_idx), batch_size=1000, num_workers=4)
test_loader = DataLoader(test_set, batch_size=1000, num_workers=4)


def make_model():
    m = torchvision.models.resnet18(num_classes=10)
    m.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
    m.maxpool = nn.Identity()
    return m


@torch.no_grad()
def predict(model, loader):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


model = make_model().to(device)
criterion = nn.CrossEntropyLoss()
lrs, losses = lr_range_test(model, train_loader, criterion, device,
                            weight_decay=cfg["weight_decay"], **cfg["lr_finder"])
max_lr = suggest_lr(lrs, losses)
print(f"LR range test suggests max_lr={max_lr:.3g}")

optimizer = torch.optim.SGD(model.parameters(), lr=max_lr / 25, momentum=0.9,
                            weight_decay=cfg["weight_decay"], nesterov=True)
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=max_lr, epochs=cfg["epochs"],
                                                steps_per_epoch=len(train_loader))

os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
best_f1, stale = 0.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        scheduler.step()
    y_val, p_val = predict(model, val_loader)
    val_f1 = f1_score(y_val, p_val, average="macro")
    print(f"epoch {epoch + 1:2d} lr {scheduler.get_last_lr()[0]:.4f} loss {loss.item():.3f} "
          f"val acc {accuracy_score(y_val, p_val):.4f} val F1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1, stale = val_f1, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        stale += 1
        if stale >= cfg["patience"]:
            break

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
y_test, p_test = predict(model, test_loader)
majority = np.bincount(np.array(train_aug.targets)[tr_idx]).argmax()
print(f"test acc {accuracy_score(y_test, p_test):.4f}  macro-F1 {f1_score(y_test, p_test, average='macro'):.4f}")
print(f"majority baseline acc {accuracy_score(y_test, np.full_like(y_test, majority)):.4f}")
