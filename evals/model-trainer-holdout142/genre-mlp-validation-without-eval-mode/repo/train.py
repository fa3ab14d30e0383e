import random

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from model import GenreMLP

SEED = 42
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = pd.read_csv("data/features_30_sec.csv")
X = df.drop(columns=["filename", "length", "label"]).values.astype(np.float32)
le = LabelEncoder()
y = le.fit_transform(df["label"])

X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=SEED)

scaler = StandardScaler().fit(X_train)
X_train, X_val, X_test = (scaler.transform(a).astype(np.float32) for a in (X_train, X_val, X_test))


def loader(X, y, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y).long())
    return DataLoader(ds, batch_size=64, shuffle=shuffle)


train_dl = loader(X_train, y_train, True)
val_dl = loader(X_val, y_val, False)
test_dl = loader(X_test, y_test, False)

model = GenreMLP(X.shape[1], len(le.classes_)).to(device)
criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=120)


def evaluate(dl):
    correct, total, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for xb, yb in dl:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            loss_sum += criterion(logits, yb).item() * len(yb)
            correct += (logits.argmax(1) == yb).sum().item()
            total += len(yb)
    return loss_sum / total, correct / total


best_acc, best_state = 0.0, None
for epoch in range(120):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
    scheduler.step()

    val_loss, val_acc = evaluate(val_dl)
    if val_acc > best_acc:
        best_acc = val_acc
        best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  val_loss {val_loss:.4f}  val_acc {val_acc:.3f}")

model.load_state_dict(best_state)
test_loss, test_acc = evaluate(test_dl)
print(f"best val acc {best_acc:.3f} | test acc {test_acc:.3f}")
torch.save({"model": model.state_dict(), "classes": list(le.classes_), "scaler_mean": scaler.mean_,
            "scaler_scale": scaler.scale_}, "genre_mlp.pt")
