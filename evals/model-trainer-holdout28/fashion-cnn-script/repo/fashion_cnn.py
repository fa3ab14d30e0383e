"""Fashion-MNIST small CNN -- weekend experiment with label smoothing."""
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

SEED = 1234
EPOCHS = 30
PATIENCE = 4
OUT_DIR = "runs/fashion_cnn"
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"

torch.manual_seed(SEED)
np.random.seed(SEED)
os.makedirs(OUT_DIR, exist_ok=True)


class SmallCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
        self.drop = nn.Dropout(0.25)
        self.fc = nn.Linear(128 * 3 * 3, n_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.max_pool2d(F.relu(self.conv3(x)), 2)
        return self.fc(self.drop(torch.flatten(x, 1)))


tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.2860,), (0.3530,))])
full_train = datasets.FashionMNIST("data", train=True, download=True, transform=tfm)
test_set = datasets.FashionMNIST("data", train=False, download=True, transform=tfm)
train_set, val_set = random_split(full_train, [54000, 6000], generator=torch.Generator().manual_seed(SEED))

train_dl = DataLoader(train_set, batch_size=128, shuffle=True, num_workers=2)
val_dl = DataLoader(val_set, batch_size=512)
test_dl = DataLoader(test_set, batch_size=512)

model = SmallCNN().to(DEVICE)
optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=2)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)


@torch.no_grad()
def evaluate(dl):
    model.eval()
    total_loss, preds, targets = 0.0, [], []
    for xb, yb in dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        logits = model(xb)
        total_loss += criterion(logits, yb).item() * len(yb)
        preds.append(logits.argmax(1).cpu())
        targets.append(yb.cpu())
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return total_loss / len(targets), (preds == targets).mean(), f1_score(targets, preds, average="macro")


best_val, wait = float("inf"), 0
optimizer.zero_grad()
for epoch in range(1, EPOCHS + 1):
    model.train()
    t0, seen, run_loss = time.time(), 0, 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        run_loss += loss.item() * len(yb)
        seen += len(yb)
    val_loss, val_acc, val_f1 = evaluate(val_dl)
    scheduler.step(val_loss)
    print(f"[{epoch:02d}] train {run_loss / seen:.4f} | val {val_loss:.4f} acc {val_acc:.4f} f1 {val_f1:.4f} | {time.time() - t0:.0f}s")
    if val_loss < best_val:
        best_val, wait = val_loss, 0
        torch.save(model.state_dict(), f"{OUT_DIR}/best.pt")
    else:
        wait += 1
        if wait >= PATIENCE:
            print("early stopping")
            break

model.load_state_dict(torch.load(f"{OUT_DIR}/best.pt", map_location=DEVICE))
test_loss, test_acc, test_f1 = evaluate(test_dl)
print(f"TEST loss {test_loss:.4f} acc {test_acc:.4f} macro-F1 {test_f1:.4f}")
