from pathlib import Path

import numpy as np
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from model import ShallowConvNet
from utils import set_seed, split_subjects

cfg = yaml.safe_load(open("config.yaml"))
gen = set_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"
out = Path(cfg["out_dir"]); out.mkdir(parents=True, exist_ok=True)


def load(subjects):
    Xs, ys = [], []
    for s in subjects:
        d = np.load(Path(cfg["data"]["npz_dir"]) / f"S{s:03d}.npz")
        Xs.append(d["X"]); ys.append(d["y"])
    return np.concatenate(Xs).astype(np.float32), np.concatenate(ys).astype(np.int64)


subjects = [s for s in range(1, cfg["data"]["n_subjects"] + 1) if s not in cfg["data"]["exclude"]]
tr_s, va_s, te_s = split_subjects(subjects, cfg["data"]["val_fraction"], cfg["data"]["test_fraction"], cfg["seed"])
X_tr, y_tr = load(tr_s); X_va, y_va = load(va_s); X_te, y_te = load(te_s)

mu = X_tr.mean(axis=(0, 2), keepdims=True)
sd = X_tr.std(axis=(0, 2), keepdims=True)
X_tr, X_va, X_te = [(x - mu) / sd for x in (X_tr, X_va, X_te)]


def loader(X, y, train=False):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=cfg["optim"]["batch_size"], shuffle=train, generator=gen if train else None)


train_dl, val_dl, test_dl = loader(X_tr, y_tr, train=True), loader(X_va, y_va), loader(X_te, y_te)
model = ShallowConvNet(X_tr.shape[1], X_tr.shape[2], int(y_tr.max()) + 1, **cfg["model"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["optim"]["epochs"])
loss_fn = nn.CrossEntropyLoss()


@torch.no_grad()
def accuracy(dl):
    model.eval()
    hits = n = 0
    for xb, yb in dl:
        hits += (model(xb.to(device)).argmax(1).cpu() == yb).sum().item()
        n += len(yb)
    return hits / n


best, wait = 0.0, 0
for epoch in range(cfg["optim"]["epochs"]):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb.to(device)), yb.to(device))
        loss.backward()
        opt.step()
    sched.step()
    val_acc = accuracy(val_dl)
    print(f"epoch {epoch:3d}  loss {loss.item():.4f}  val acc {val_acc:.3f}")
    if val_acc > best:
        best, wait = val_acc, 0
        torch.save(model.state_dict(), out / "best.pt")
    elif (wait := wait + 1) >= cfg["optim"]["patience"]:
        break

model.load_state_dict(torch.load(out / "best.pt", map_location=device))
print(f"best val acc {best:.3f} | test acc ({len(te_s)} unseen subjects): {accuracy(test_dl):.3f}")
