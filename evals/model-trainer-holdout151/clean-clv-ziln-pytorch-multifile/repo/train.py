"""Zero-inflated log-normal CLV model (first-year spend of new subscribers).

Features are known at day 14 after signup; target is net spend in days 15-365.
"""
import argparse

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import ZILNNet, ziln_expected_value, ziln_loss
from utils import normalized_gini, seed_everything

FEATURES = ["first_order_value", "orders_14d", "items_14d", "sessions_14d", "discount_used",
            "add_ons_14d", "app_installed", "referral", "age_band_code", "region_code"]


@torch.no_grad()
def predict(model, X: np.ndarray) -> np.ndarray:
    model.eval()
    out = model(torch.from_numpy(X))
    return ziln_expected_value(out).numpy()


def main(a):
    gen = seed_everything(a.seed)
    df = pd.read_parquet(a.data)
    X = df[FEATURES].to_numpy(np.float32)
    y = df["spend_d15_365"].clip(lower=0).to_numpy(np.float32)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=a.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.1, random_state=a.seed)
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = (scaler.transform(m).astype(np.float32) for m in (X_tr, X_va, X_te))

    loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                        batch_size=a.batch_size, shuffle=True, generator=gen)
    model = ZILNNet(len(FEATURES))
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)

    best_gini, best_state = -np.inf, None
    for epoch in range(a.epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad(set_to_none=True)
            loss = ziln_loss(model(xb), yb)
            loss.backward()
            opt.step()
        val_gini = normalized_gini(y_va, predict(model, X_va))
        if val_gini > best_gini:
            best_gini, best_state = val_gini, {k: v.clone() for k, v in model.state_dict().items()}
        print(f"epoch {epoch:02d} last-batch loss {loss.item():.4f} val gini {val_gini:.4f}")

    model.load_state_dict(best_state)
    pred_te = predict(model, X_te)
    mae = float(np.mean(np.abs(pred_te - y_te)))
    mae_mean = float(np.mean(np.abs(y_tr.mean() - y_te)))
    print(f"test gini {normalized_gini(y_te, pred_te):.4f}  MAE {mae:.2f} (train-mean baseline {mae_mean:.2f})")
    torch.save({"model": best_state, "mean": scaler.mean_, "scale": scaler.scale_}, a.out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/new_subscribers_2022.parquet")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--out", default="ziln_clv.pt")
    main(p.parse_args())
