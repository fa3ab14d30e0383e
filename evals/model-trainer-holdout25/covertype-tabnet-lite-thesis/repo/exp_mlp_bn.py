# MSc thesis, experiment E2: batch-normalised MLP vs. gradient boosting on Forest CoverType.
# The GBM numbers come from exp_gbm.py; this file only trains the neural model.
import copy
import logging
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.compose import ColumnTransformer
from sklearn.datasets import fetch_covtype
from sklearn.metrics import balanced_accuracy_score, cohen_kappa_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

CFG = dict(
    seed=17,
    batch_size=1024,
    lr=2e-3,
    weight_decay=1e-5,
    hidden=[512, 256, 128],
    dropout=0.3,
    max_epochs=60,
    patience=6,
    ckpt="artifacts/e2_mlp_bn.pt",
)
logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
log = logging.getLogger("e2")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class BNMLP(nn.Module):
    def __init__(self, d_in, hidden, n_out, p):
        super().__init__()
        blocks, prev = [], d_in
        for h in hidden:
            blocks += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p)]
            prev = h
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(prev, n_out)

    def forward(self, x):
        return self.head(self.body(x))


def batches(X, y, bs, shuffle, gen=None):
    idx = torch.randperm(len(X), generator=gen) if shuffle else torch.arange(len(X))
    for s in range(0, len(X), bs):
        b = idx[s:s + bs]
        yield X[b], y[b]


def evaluate(model, X, y, bs, loss_fn):
    losses, preds = [], []
    for xb, yb in batches(X, y, bs, shuffle=False):
        out = model(xb)
        losses.append(loss_fn(out, yb).item() * len(yb))
        preds.append(out.argmax(1))
    preds = torch.cat(preds).numpy()
    return sum(losses) / len(y), preds


def main():
    seed_all(CFG["seed"])
    cov = fetch_covtype(as_frame=True)
    df = cov.frame
    target = df.pop("Cover_Type").to_numpy() - 1
    continuous = [c for c in df.columns if not c.startswith(("Wilderness_Area", "Soil_Type"))]

    X_trval, X_test, y_trval, y_test = train_test_split(
        df, target, test_size=0.2, stratify=target, random_state=CFG["seed"])
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.125, stratify=y_trval, random_state=CFG["seed"])

    ct = ColumnTransformer([("num", StandardScaler(), continuous)], remainder="passthrough")
    to_t = lambda a: torch.tensor(np.asarray(a, dtype=np.float32))
    Xtr = to_t(ct.fit_transform(X_train))
    Xva, Xte = to_t(ct.transform(X_val)), to_t(ct.transform(X_test))
    ytr, yva, yte = (torch.tensor(v, dtype=torch.long) for v in (y_train, y_val, y_test))

    model = BNMLP(Xtr.shape[1], CFG["hidden"], 7, CFG["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=CFG["weight_decay"])
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(CFG["seed"])

    best_loss, best_state, stale = np.inf, None, 0
    for epoch in range(CFG["max_epochs"]):
        model.train()
        for xb, yb in batches(Xtr, ytr, CFG["batch_size"], shuffle=True, gen=gen):
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        val_loss, val_pred = evaluate(model, Xva, yva, 4096, loss_fn)
        log.info("epoch %d  val_loss %.4f  val_macroF1 %.4f", epoch, val_loss,
                 f1_score(y_val, val_pred, average="macro"))
        if val_loss < best_loss - 1e-4:
            best_loss, stale = val_loss, 0
            best_state = copy.deepcopy(model.state_dict())
            torch.save(best_state, CFG["ckpt"])
        else:
            stale += 1
            if stale >= CFG["patience"]:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(best_state)
    _, test_pred = evaluate(model, Xte, yte, 4096, loss_fn)
    log.info("TEST macro-F1 %.4f | balanced acc %.4f | kappa %.4f",
             f1_score(y_test, test_pred, average="macro"),
             balanced_accuracy_score(y_test, test_pred),
             cohen_kappa_score(y_test, test_pred))


if __name__ == "__main__":
    main()
