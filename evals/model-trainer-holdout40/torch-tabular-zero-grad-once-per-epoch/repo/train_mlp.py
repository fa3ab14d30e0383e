"""Forest cover type (7 classes) with an MLP in PyTorch."""
import argparse
import copy
import logging
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

CONFIG = {
    "seed": 21,
    "batch_size": 1024,
    "epochs": 80,
    "lr": 1e-3,
    "hidden": [512, 256, 128],
    "dropout": 0.2,
    "patience": 6,
    "ckpt": "covtype_mlp.pt",
}
log = logging.getLogger("covtype")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class MLP(nn.Module):
    def __init__(self, d_in, hidden, n_out, p):
        super().__init__()
        layers, d = [], d_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p)]
            d = h
        layers.append(nn.Linear(d, n_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def to_loader(X, y, shuffle, batch_size, gen=None):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.long))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [model(xb.to(device)).argmax(1).cpu() for xb, _ in loader]
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/covtype.csv")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = CONFIG
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.csv)
    y = df.pop("Cover_Type").to_numpy() - 1
    X = df.to_numpy(dtype=np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=cfg["seed"])
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.1, stratify=y_tr, random_state=cfg["seed"])
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = scaler.transform(X_tr), scaler.transform(X_va), scaler.transform(X_te)

    gen = torch.Generator().manual_seed(cfg["seed"])
    train_dl = to_loader(X_tr, y_tr, True, cfg["batch_size"], gen)
    val_dl = to_loader(X_va, y_va, False, 4096)
    test_dl = to_loader(X_te, y_te, False, 4096)

    model = MLP(X.shape[1], cfg["hidden"], 7, cfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    criterion = nn.CrossEntropyLoss()

    best_f1, best_state, bad_epochs = -1.0, None, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(xb)

        val_pred = predict(model, val_dl, device)
        val_f1 = f1_score(y_va, val_pred, average="macro")
        log.info("epoch %02d loss %.4f val macro-F1 %.4f", epoch, running / len(X_tr), val_f1)
        if val_f1 > best_f1:
            best_f1, best_state, bad_epochs = val_f1, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, cfg["ckpt"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(best_state)
    test_pred = predict(model, test_dl, device)
    majority = np.bincount(y_tr).argmax()
    log.info("test accuracy %.4f macro-F1 %.4f | majority-class accuracy %.4f macro-F1 %.4f",
             accuracy_score(y_te, test_pred), f1_score(y_te, test_pred, average="macro"),
             accuracy_score(y_te, np.full_like(y_te, majority)),
             f1_score(y_te, np.full_like(y_te, majority), average="macro"))


if __name__ == "__main__":
    main()
