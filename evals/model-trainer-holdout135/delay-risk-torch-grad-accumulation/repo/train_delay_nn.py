import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, Dataset

NUM = ["distance_km", "parcel_weight_kg", "promised_days", "dispatch_hour", "wh_backlog_at_dispatch",
       "carrier_volume_7d", "precip_mm_forecast", "is_peak_week", "is_remote_postcode"]
CAT = ["carrier", "service_level", "origin_warehouse", "dest_region"]


class ShipmentDataset(Dataset):
    def __init__(self, X, y):
        self.X = torch.tensor(X, dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def make_model(n_in):
    return nn.Sequential(
        nn.Linear(n_in, 128), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(64, 1),
    )


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)

    df = pd.read_parquet(args.data).sort_values("dispatch_ts")
    df["is_late"] = (df["delivered_date"] > df["promised_date"]).astype(int)
    train = df[df["dispatch_ts"] < args.test_start]
    test = df[df["dispatch_ts"] >= args.test_start]

    scaler = StandardScaler().fit(train[NUM])
    ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(train[CAT])
    prep = lambda d: np.hstack([scaler.transform(d[NUM]), ohe.transform(d[CAT])])
    X_tr, X_te = prep(train), prep(test)

    train_dl = DataLoader(ShipmentDataset(X_tr, train["is_late"].values), batch_size=256, shuffle=True)
    test_dl = DataLoader(ShipmentDataset(X_te, test["is_late"].values), batch_size=2048)

    model = make_model(X_tr.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = nn.BCEWithLogitsLoss()

    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        total = 0.0
        for step, (xb, yb) in enumerate(train_dl):
            loss = loss_fn(model(xb).squeeze(1), yb) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
            total += loss.item() * args.accum_steps
        sched.step()
        print(f"epoch {epoch + 1}/{args.epochs} loss {total / len(train_dl):.4f}")

    model.eval()
    preds = []
    with torch.no_grad():
        for xb, _ in test_dl:
            preds.append(torch.sigmoid(model(xb).squeeze(1)).numpy())
    p = np.concatenate(preds)
    print(f"test ROC AUC: {roc_auc_score(test['is_late'].values, p):.4f}  (late rate {test['is_late'].mean():.3f})")
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/shipments_2023.parquet")
    ap.add_argument("--test-start", default="2023-11-01")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="models/delay_mlp.pt")
    main(ap.parse_args())
