"""Fashion-MNIST classifier trained from our exported PNG folders.

data/fashion_png/<class_name>/*.png  (all 70k images exported from the original idx files,
re-split here 70/15/15).
"""
import copy
import json
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from compute_stats import mean_std

DATA_DIR = "data/fashion_png"
SEED = 2024
BATCH = 256
EPOCHS = 25

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

to_tensor = transforms.Compose([transforms.Grayscale(), transforms.ToTensor()])
full = datasets.ImageFolder(DATA_DIR, transform=to_tensor)
mean, std = mean_std(full)
print("dataset mean/std:", mean, std)

norm_tf = transforms.Compose([
    transforms.Grayscale(),
    transforms.ToTensor(),
    transforms.Normalize(mean, std),
])
full = datasets.ImageFolder(DATA_DIR, transform=norm_tf)

idx = np.random.permutation(len(full))
n_train, n_val = int(0.70 * len(idx)), int(0.15 * len(idx))
train_ds = Subset(full, idx[:n_train])
val_ds = Subset(full, idx[n_train:n_train + n_val])
test_ds = Subset(full, idx[n_train + n_val:])

train_loader = DataLoader(train_ds, batch_size=BATCH, shuffle=True, num_workers=2)
val_loader = DataLoader(val_ds, batch_size=1024, num_workers=2)
test_loader = DataLoader(test_ds, batch_size=1024, num_workers=2)


def make_model():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Dropout(0.3),
        nn.Linear(64 * 7 * 7, 256), nn.ReLU(),
        nn.Dropout(0.3),
        nn.Linear(256, 10),
    )


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = make_model().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, epochs=EPOCHS,
                                                steps_per_epoch=len(train_loader))
    loss_fn = nn.CrossEntropyLoss()

    best_f1, best_state, stale = 0.0, None, 0
    for epoch in range(EPOCHS):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            sched.step()
        y_val, p_val = predict(model, val_loader, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch + 1:2d}  loss {loss.item():.4f}  val macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, best_state, stale = val_f1, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, "fmnist_cnn.pt")
        else:
            stale += 1
            if stale == 5:
                break

    model.load_state_dict(best_state)
    y_test, p_test = predict(model, test_loader, device)
    print(classification_report(y_test, p_test, target_names=full.classes, digits=4))
    with open("norm_stats.json", "w") as f:
        json.dump({"mean": mean, "std": std}, f)


if __name__ == "__main__":
    main()
