"""Nightly price model for short-term rental listings (entity embeddings + MLP)."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, median_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

CAT = ["neighbourhood", "room_type", "property_type", "host_response_time", "cancellation_policy"]
NUM = ["accommodates", "bedrooms", "beds", "bathrooms", "minimum_nights", "number_of_reviews",
       "review_scores_rating", "latitude", "longitude", "availability_365"]


class PriceNet(nn.Module):
    def __init__(self, cards, n_num):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, min(24, round(1.6 * c ** 0.56))) for c in cards])
        d = sum(e.embedding_dim for e in self.embs) + n_num
        self.net = nn.Sequential(
            nn.Linear(d, 512), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(512, 256), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(256, 1),
        )

    def forward(self, xc, xn):
        h = torch.cat([e(xc[:, i]) for i, e in enumerate(self.embs)] + [xn], dim=1)
        return self.net(h).squeeze(-1)


def encode_categories(train, others):
    maps = {c: {v: i + 1 for i, v in enumerate(train[c].astype(str).unique())} for c in CAT}
    out = []
    for frame in [train] + others:
        out.append(np.stack([frame[c].astype(str).map(maps[c]).fillna(0).astype(int).values for c in CAT], 1))
    return out, [len(maps[c]) + 1 for c in CAT]


def evaluate(model, loader):
    preds, targets = [], []
    with torch.no_grad():
        for xc, xn, y in loader:
            preds.append(model(xc, xn))
            targets.append(y)
    return torch.cat(preds).numpy(), torch.cat(targets).numpy()


def main(args):
    df = pd.read_csv(args.listings)
    df = df[(df["price"] > 10) & (df["price"] < 2000)].copy()
    df["log_price"] = np.log(df["price"])

    train, test = train_test_split(df, test_size=0.2)
    train, val = train_test_split(train, test_size=0.1)

    (c_tr, c_va, c_te), cards = encode_categories(train, [val, test])
    medians = train[NUM].median()
    train, val, test = (f.assign(**{c: f[c].fillna(medians[c]) for c in NUM}) for f in (train, val, test))
    scaler = StandardScaler().fit(train[NUM])
    n_tr, n_va, n_te = (scaler.transform(f[NUM]).astype(np.float32) for f in (train, val, test))

    def ds(c, n, f):
        return TensorDataset(torch.tensor(c), torch.tensor(n), torch.tensor(f["log_price"].values, dtype=torch.float32))

    train_dl = DataLoader(ds(c_tr, n_tr, train), batch_size=256, shuffle=True)
    val_dl = DataLoader(ds(c_va, n_va, val), batch_size=2048)
    test_dl = DataLoader(ds(c_te, n_te, test), batch_size=2048)

    model = PriceNet(cards, len(NUM))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = nn.SmoothL1Loss()
    ckpt = Path(args.out) / "price_net.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_mae, stale = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for xc, xn, y in train_dl:
            opt.zero_grad()
            loss_fn(model(xc, xn), y).backward()
            opt.step()
        p_val, y_val = evaluate(model, val_dl)
        val_mae = mean_absolute_error(np.exp(y_val), np.exp(p_val))
        print(f"epoch {epoch:3d} val MAE ${val_mae:.2f}")
        if val_mae < best_mae:
            best_mae, stale = val_mae, 0
            torch.save(model.state_dict(), ckpt)
        elif (stale := stale + 1) >= args.patience:
            break

    model.load_state_dict(torch.load(ckpt))
    p_test, y_test = evaluate(model, test_dl)
    ridge = Ridge(alpha=3.0).fit(np.hstack([n_tr, c_tr]), train["log_price"])
    p_ridge = ridge.predict(np.hstack([n_te, c_te]))
    for name, p in [("price_net", p_test), ("ridge", p_ridge)]:
        print(f"{name:9s} MAE=${mean_absolute_error(np.exp(y_test), np.exp(p)):.2f} "
              f"MedAE=${median_absolute_error(np.exp(y_test), np.exp(p)):.2f} R2(log)={r2_score(y_test, p):.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", default="data/listings_clean.csv")
    ap.add_argument("--out", default="artifacts")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--patience", type=int, default=8)
    main(ap.parse_args())
