"""CNN regressor: log-spectrogram snapshot -> remaining useful life (minutes)."""
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEED = 17
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
DEV = "cuda" if torch.cuda.is_available() else "cpu"

data = np.load("data/femto_specs.npz")
X, y = data["X"][:, None], data["rul"] / 1000.0   # scale target to ~[0, 30]

X_tr, X_tmp, y_tr, y_tmp = train_test_split(X, y, test_size=0.3, shuffle=True, random_state=SEED)
X_va, X_te, y_va, y_te = train_test_split(X_tmp, y_tmp, test_size=0.5, shuffle=True, random_state=SEED)
print("train/val/test:", len(X_tr), len(X_va), len(X_te))


def loader(a, b, shuffle):
    return DataLoader(TensorDataset(torch.from_numpy(a), torch.from_numpy(b).float()), batch_size=64, shuffle=shuffle)


tr_dl, va_dl, te_dl = loader(X_tr, y_tr, True), loader(X_va, y_va, False), loader(X_te, y_te, False)

model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d((4, 4)),
    nn.Flatten(), nn.Linear(64 * 16, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 1),
).to(DEV)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
loss_fn = nn.SmoothL1Loss()


def predict(dl):
    model.eval()
    out = []
    with torch.no_grad():
        for xb, _ in dl:
            out.append(model(xb.to(DEV)).squeeze(1).cpu())
    return torch.cat(out).numpy()


best, wait = np.inf, 0
for epoch in range(60):
    model.train()
    for xb, yb in tr_dl:
        xb, yb = xb.to(DEV), yb.to(DEV)
        opt.zero_grad()
        loss = loss_fn(model(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
    va_rmse = mean_squared_error(y_va, predict(va_dl), squared=False)
    sched.step(va_rmse)
    print(f"epoch {epoch:02d} val RMSE {va_rmse * 1000:.1f} min")
    if va_rmse < best:
        best, wait = va_rmse, 0
        torch.save(model.state_dict(), "rul_cnn.pt")
    else:
        wait += 1
        if wait >= 8:
            break

model.load_state_dict(torch.load("rul_cnn.pt"))
pred = predict(te_dl)
mean_pred = np.full_like(y_te, y_tr.mean())
print(f"TEST RMSE {mean_squared_error(y_te, pred, squared=False) * 1000:.1f} min, "
      f"MAE {mean_absolute_error(y_te, pred) * 1000:.1f} min")
print(f"mean-RUL baseline RMSE {mean_squared_error(y_te, mean_pred, squared=False) * 1000:.1f} min")
