"""DCN-v2 CTR model on pre-hashed Criteo-style shards.

Shards are produced by prepare_shards.py: day_00..day_05 train, day_06 valid, day_07 test.
The per-GPU batch is small, so gradients are accumulated over `accum_steps` micro-batches.
"""
import argparse
import glob
import os
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset


class CrossLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin = nn.Linear(dim, dim)

    def forward(self, x0, x):
        return x0 * self.lin(x) + x


class DCNv2(nn.Module):
    def __init__(self, n_hash, n_fields, n_dense, emb_dim=16, n_cross=3, mlp=(512, 256), dropout=0.1):
        super().__init__()
        self.emb = nn.Embedding(n_hash, emb_dim)
        d = n_fields * emb_dim + n_dense
        self.cross = nn.ModuleList([CrossLayer(d) for _ in range(n_cross)])
        layers = []
        for h in mlp:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        self.deep = nn.Sequential(*layers)
        self.head = nn.Linear(d + n_fields * emb_dim + n_dense, 1)

    def forward(self, sparse, dense):
        x0 = torch.cat([self.emb(sparse).flatten(1), dense], dim=1)
        x = x0
        for layer in self.cross:
            x = layer(x0, x)
        return self.head(torch.cat([x, self.deep(x0)], dim=1)).squeeze(1)


def load_split(pattern):
    files = sorted(glob.glob(pattern))
    parts = [np.load(f) for f in files]
    sparse = torch.from_numpy(np.concatenate([p["sparse"] for p in parts])).long()
    dense = torch.from_numpy(np.concatenate([p["dense"] for p in parts])).float()
    y = torch.from_numpy(np.concatenate([p["label"] for p in parts])).float()
    return TensorDataset(sparse, dense, y)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, labels = [], []
    for s, d, y in loader:
        preds.append(torch.sigmoid(model(s.to(device), d.to(device))).cpu())
        labels.append(y)
    return torch.cat(labels).numpy(), torch.cat(preds).numpy()


def main(a):
    random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_ds = load_split(os.path.join(a.shards, "day_0[0-5].npz"))
    valid_ds = load_split(os.path.join(a.shards, "day_06.npz"))
    test_ds = load_split(os.path.join(a.shards, "day_07.npz"))
    train_dl = DataLoader(train_ds, batch_size=a.micro_batch, shuffle=True,
                          generator=torch.Generator().manual_seed(a.seed))
    valid_dl = DataLoader(valid_ds, batch_size=8192)
    test_dl = DataLoader(test_ds, batch_size=8192)

    model = DCNv2(a.n_hash, train_ds.tensors[0].shape[1], train_ds.tensors[1].shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-6)
    loss_fn = nn.BCEWithLogitsLoss()
    best, bad = float("inf"), 0
    os.makedirs(os.path.dirname(a.ckpt), exist_ok=True)

    for epoch in range(a.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (s, d, y) in enumerate(train_dl, start=1):
            loss = loss_fn(model(s.to(device), d.to(device)), y.to(device)) / a.accum_steps
            loss.backward()
            if step % a.accum_steps == 0 or step == len(train_dl):
                nn.utils.clip_grad_norm_(model.parameters(), 10.0)
                opt.step()
                opt.zero_grad(set_to_none=True)
        y_val, p_val = predict(model, valid_dl, device)
        val_ll = log_loss(y_val, p_val)
        print(f"epoch {epoch} valid logloss {val_ll:.5f} auc {roc_auc_score(y_val, p_val):.4f}")
        if val_ll < best - 1e-5:
            best, bad = val_ll, 0
            torch.save(model.state_dict(), a.ckpt)
        else:
            bad += 1
            if bad >= a.patience:
                break

    model.load_state_dict(torch.load(a.ckpt, map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    prior = np.full_like(p_test, train_ds.tensors[2].mean().item())
    print(f"test logloss {log_loss(y_test, p_test):.5f} auc {roc_auc_score(y_test, p_test):.4f} "
          f"| prior logloss {log_loss(y_test, prior):.5f} "
          f"| NE {log_loss(y_test, p_test) / log_loss(y_test, prior):.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--shards", required=True)
    ap.add_argument("--ckpt", default="checkpoints/dcn_v2.pt")
    ap.add_argument("--n-hash", type=int, default=2_000_000)
    ap.add_argument("--micro-batch", type=int, default=1024)
    ap.add_argument("--accum-steps", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--patience", type=int, default=1)
    ap.add_argument("--seed", type=int, default=21)
    main(ap.parse_args())
