"""Click-through model: hashed categorical embeddings + dense features, mixed precision on GPU.

The input is one day of impressions sampled uniformly; user_ctr_prior_30d is computed upstream from the
30 days *before* that day, so a random split inside the day does not see the future.
"""
import argparse
import json

import numpy as np
import pandas as pd
import pytorch_lightning as pl
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

DENSE = ["price_log", "position", "user_ctr_prior_30d", "item_age_days", "hour_sin", "hour_cos"]
SPARSE = ["site_hash", "ad_hash", "device_hash", "campaign_hash"]
BUCKETS = 2 ** 18


class DeepFM(nn.Module):
    def __init__(self, n_dense, n_sparse, dim=16):
        super().__init__()
        self.emb = nn.Embedding(BUCKETS, dim)
        self.linear = nn.Embedding(BUCKETS, 1)
        self.dense = nn.Linear(n_dense, dim)
        self.mlp = nn.Sequential(nn.Linear(dim * (n_sparse + 1), 256), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 1))

    def forward(self, dense, sparse):
        e = torch.cat([self.emb(sparse), self.dense(dense).unsqueeze(1)], dim=1)
        fm = 0.5 * (e.sum(1).pow(2) - e.pow(2).sum(1)).sum(1)
        return self.linear(sparse).sum((1, 2)) + fm + self.mlp(e.flatten(1)).squeeze(1)


def as_loader(dense, sparse, label, shuffle, batch_size=4096):
    ds = TensorDataset(torch.tensor(dense, dtype=torch.float32), torch.tensor(sparse, dtype=torch.long),
                       torch.tensor(label, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, num_workers=2)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.sigmoid(model(d.to(device), s.to(device))).float().cpu() for d, s, _ in loader]
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/impressions_sample.parquet")
    ap.add_argument("--seed", type=int, default=123)
    ap.add_argument("--epochs", type=int, default=20)
    args = ap.parse_args()
    pl.seed_everything(args.seed, workers=True)

    logs = pd.read_parquet(args.data)
    logs[SPARSE] = logs[SPARSE] % BUCKETS
    train_df, rest = train_test_split(logs, test_size=0.3, stratify=logs["clicked"], random_state=args.seed)
    val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["clicked"], random_state=args.seed)

    feature_scaler = StandardScaler().fit(train_df[DENSE])
    parts = {name: (feature_scaler.transform(df[DENSE]), df[SPARSE].to_numpy(), df["clicked"].to_numpy())
             for name, df in [("train", train_df), ("val", val_df), ("test", test_df)]}
    train_dl = as_loader(*parts["train"], shuffle=True)
    val_dl, test_dl = as_loader(*parts["val"], shuffle=False), as_loader(*parts["test"], shuffle=False)

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    use_amp = device.type == "cuda"
    model = DeepFM(len(DENSE), len(SPARSE)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
    loss_fn = nn.BCEWithLogitsLoss()

    best_logloss, bad = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for dense, sparse, label in train_dl:
            dense, sparse, label = dense.to(device), sparse.to(device), label.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=use_amp):
                loss = loss_fn(model(dense, sparse), label)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            scaler.step(optimizer)
            scaler.update()

        val_pred = predict(model, val_dl, device)
        val_ll = log_loss(parts["val"][2], val_pred)
        print(f"epoch {epoch} val logloss {val_ll:.5f} val auc {roc_auc_score(parts['val'][2], val_pred):.4f}")
        if val_ll < best_logloss:
            best_logloss, bad = val_ll, 0
            torch.save({"model": model.state_dict(), "scaler_mean": feature_scaler.mean_,
                        "scaler_scale": feature_scaler.scale_}, "deepfm_best.pt")
        else:
            bad += 1
            if bad >= 3:
                break

    model.load_state_dict(torch.load("deepfm_best.pt", map_location=device)["model"])
    test_pred = predict(model, test_dl, device)
    y_test = parts["test"][2]
    lr = LogisticRegression(max_iter=2000).fit(parts["train"][0], parts["train"][2])
    lr_pred = lr.predict_proba(parts["test"][0])[:, 1]
    prior = np.full_like(test_pred, parts["train"][2].mean())
    print(json.dumps({
        "deepfm": {"auc": roc_auc_score(y_test, test_pred), "logloss": log_loss(y_test, test_pred)},
        "dense_logreg": {"auc": roc_auc_score(y_test, lr_pred), "logloss": log_loss(y_test, lr_pred)},
        "prior_logloss": log_loss(y_test, prior),
    }, indent=2))


if __name__ == "__main__":
    main()
