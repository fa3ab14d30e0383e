"""Train on INCLUDE-50 keypoints (train/val signers from splits/include50_signers.csv)."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

from model import TemporalCNN
from normalize import LandmarkNormalizer

torch.manual_seed(11)
np.random.seed(11)

tr = np.load("keypoints/include50_train.npz")
va = np.load("keypoints/include50_val.npz")
norm = LandmarkNormalizer().fit(tr["X"])
X_tr, X_va = norm.transform(tr["X"]), norm.transform(va["X"])

train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(tr["y"]).long()), batch_size=32, shuffle=True)
val_dl = DataLoader(TensorDataset(torch.from_numpy(X_va), torch.from_numpy(va["y"]).long()), batch_size=128)

model = TemporalCNN(in_ch=X_tr.shape[-1], n_classes=50)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

best = 0.0
for epoch in range(50):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

    model.eval()
    with torch.no_grad():
        correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in val_dl)
    acc = correct / len(X_va)
    print(f"epoch {epoch} val acc {acc:.4f}")
    if acc > best:
        best = acc
        torch.save(model.state_dict(), "tcn_include50.pt")
