#!/usr/bin/env python
"""MLP baseline for the adult-income dataset (binary: income > 50K).

A small experiment to see how far a plain PyTorch MLP gets versus gradient boosting.
"""
import copy
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

CFG = {"seed": 0, "batch_size": 256, "lr": 1e-3, "epochs": 60, "patience": 6,
       "hidden": [256, 128], "dropout": 0.3, "ckpt": "checkpoints/mlp_best.pt"}

CAT = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex", "native_country"]
NUM = ["age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class MLP(nn.Module):
    def __init__(self, d_in, hidden, p):
        super().__init__()
        layers, d = [], d_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def loader(X, y, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=CFG["batch_size"], shuffle=shuffle)


def predict_proba(model, dl):
    probs = []
    with torch.no_grad():
        for xb, _ in dl:
            probs.append(torch.sigmoid(model(xb)))
    return torch.cat(probs).numpy()


def main():
    set_seed(CFG["seed"])
    df = pd.read_csv("data/adult.csv")
    y = (df.pop("income").str.strip().str.startswith(">50K")).astype(int).values

    X_tmp, X_test, y_tmp, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=CFG["seed"])
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.2, stratify=y_tmp, random_state=CFG["seed"])

    prep = ColumnTransformer([("num", StandardScaler(), NUM),
                              ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT)])
    A_tr = prep.fit_transform(X_tr)
    A_val, A_test = prep.transform(X_val), prep.transform(X_test)

    lr = LogisticRegression(max_iter=2000).fit(A_tr, y_tr)
    print(f"logreg baseline  test ROC-AUC {roc_auc_score(y_test, lr.predict_proba(A_test)[:, 1]):.4f}")

    model = MLP(A_tr.shape[1], CFG["hidden"], CFG["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    dl_tr = loader(A_tr, y_tr, shuffle=True)
    dl_val, dl_test = loader(A_val, y_val, shuffle=False), loader(A_test, y_test, shuffle=False)

    best_auc, best_state, bad_epochs = 0.0, None, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        running = 0.0
        for xb, yb in dl_tr:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        val_auc = roc_auc_score(y_val, predict_proba(model, dl_val))
        print(f"epoch {epoch:02d} train_loss {running / len(dl_tr.dataset):.4f} val_auc {val_auc:.4f}")
        if val_auc > best_auc:
            best_auc, best_state, bad_epochs = val_auc, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, CFG["ckpt"])
        else:
            bad_epochs += 1
            if bad_epochs >= CFG["patience"]:
                print("early stop")
                break

    model.load_state_dict(best_state)
    p_test = predict_proba(model, dl_test)
    print(f"MLP test ROC-AUC {roc_auc_score(y_test, p_test):.4f}  PR-AUC {average_precision_score(y_test, p_test):.4f}")


if __name__ == "__main__":
    main()
