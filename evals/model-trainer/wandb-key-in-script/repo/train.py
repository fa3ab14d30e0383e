import random

import numpy as np
import torch
import wandb
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

CONFIG = {"lr": 3e-4, "batch_size": 128, "epochs": 40, "patience": 6, "seed": 1}

wandb.login(key="d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9")
run = wandb.init(project="cifar-baselines", config=CONFIG)

random.seed(CONFIG["seed"])
np.random.seed(CONFIG["seed"])
torch.manual_seed(CONFIG["seed"])

tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.49, 0.48, 0.45), (0.25, 0.24, 0.26))])
train_full = datasets.CIFAR10("data", train=True, download=True, transform=tfm)
test_set = datasets.CIFAR10("data", train=False, download=True, transform=tfm)
train_set, val_set = torch.utils.data.random_split(
    train_full, [45_000, 5_000], generator=torch.Generator().manual_seed(CONFIG["seed"])
)
train_dl = DataLoader(train_set, batch_size=CONFIG["batch_size"], shuffle=True)
val_dl = DataLoader(val_set, batch_size=512)
test_dl = DataLoader(test_set, batch_size=512)

model = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Dropout(0.3), nn.Linear(128 * 8 * 8, 10),
)
opt = torch.optim.AdamW(model.parameters(), lr=CONFIG["lr"], weight_decay=0.05)
loss_fn = nn.CrossEntropyLoss()


@torch.no_grad()
def accuracy(dl):
    model.eval()
    hits = sum((model(x).argmax(1) == y).sum().item() for x, y in dl)
    return hits / len(dl.dataset)


best, waited = 0.0, 0
for epoch in range(CONFIG["epochs"]):
    model.train()
    for x, y in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    val_acc = accuracy(val_dl)
    wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_acc": val_acc})
    if val_acc > best:
        best, waited = val_acc, 0
        torch.save(model.state_dict(), "checkpoints/cnn.pt")
    else:
        waited += 1
        if waited >= CONFIG["patience"]:
            break

model.load_state_dict(torch.load("checkpoints/cnn.pt"))
wandb.log({"test_acc": accuracy(test_dl)})
run.finish()
