import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from common import seed_everything

gen = seed_everything(2024)
splits = np.load("data/covertype_splits.npz")


def tensors(name):
    return TensorDataset(torch.tensor(splits[f"X_{name}"], dtype=torch.float32), torch.tensor(splits[f"y_{name}"]))


train_dl = DataLoader(tensors("train"), batch_size=512, shuffle=True, generator=gen)
val_dl = DataLoader(tensors("val"), batch_size=2048)
test_dl = DataLoader(tensors("test"), batch_size=2048)

model = nn.Sequential(
    nn.Linear(splits["X_train"].shape[1], 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 7),
)
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
criterion = nn.CrossEntropyLoss()


def predict(dl):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(x).argmax(1) for x, _ in dl]).numpy()


best_f1, stale = 0.0, 0
for epoch in range(100):
    model.train()
    for x, y in train_dl:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
    val_f1 = f1_score(splits["y_val"], predict(val_dl), average="macro")
    print(f"epoch {epoch:3d} loss {loss.item():.4f} val macro F1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1, stale = val_f1, 0
        torch.save(model.state_dict(), "checkpoints/covertype_mlp.pt")
    else:
        stale += 1
        if stale >= 8:
            break

model.load_state_dict(torch.load("checkpoints/covertype_mlp.pt"))
test_pred = predict(test_dl)
print(classification_report(splits["y_test"], test_pred, digits=3))
majority = np.bincount(splits["y_train"]).argmax()
print("majority-class macro F1", f1_score(splits["y_test"], np.full_like(splits["y_test"], majority), average="macro"))
