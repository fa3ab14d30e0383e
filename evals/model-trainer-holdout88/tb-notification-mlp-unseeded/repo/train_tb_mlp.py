"""District TB notification rate (per 100k) from socioeconomic and health-system covariates.

Small MLP on tabular district data, compared against a ridge regression.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "hiv_prevalence", "pct_below_poverty", "household_crowding", "pct_urban",
    "clinic_density_per_100k", "genexpert_sites", "pct_smokers", "diabetes_prevalence",
    "mean_travel_time_clinic_min", "prison_pop_per_100k", "mining_employment_pct",
]
TARGET = "log_notif_rate"


class TBNet(nn.Module):
    def __init__(self, n_in: int, hidden: int = 64, p_drop: float = 0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, X):
    model.eval()
    return model(torch.tensor(X, dtype=torch.float32)).numpy()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/district_tb_2022.csv")
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--patience", type=int, default=30)
    parser.add_argument("--out", default="checkpoints/tb_mlp.pt")
    args = parser.parse_args()

    df = pd.read_csv(args.data)
    df = df[df["population"] > 0].copy()
    df[TARGET] = np.log1p(df["notified_cases"] / df["population"] * 1e5)
    df = df.dropna(subset=FEATURES + [TARGET])

    train_df, test_df = train_test_split(df, test_size=0.2)
    train_df, val_df = train_test_split(train_df, test_size=0.2)

    scaler = StandardScaler().fit(train_df[FEATURES])
    X_tr, X_va, X_te = (scaler.transform(d[FEATURES]) for d in (train_df, val_df, test_df))
    y_tr, y_va, y_te = (d[TARGET].to_numpy() for d in (train_df, val_df, test_df))

    train_loader = to_loader(X_tr, y_tr, batch_size=64, shuffle=True)
    model = TBNet(len(FEATURES))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()

    best_val, bad_epochs = float("inf"), 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        val_loss = float(np.mean((predict(model, X_va) - y_va) ** 2))
        if val_loss < best_val - 1e-4:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), args.out)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(args.out))
    ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_tr, y_tr)
    for name, pred in [("ridge", ridge.predict(X_te)), ("mlp", predict(model, X_te))]:
        print(
            f"{name:>6}: MAE={mean_absolute_error(y_te, pred):.3f} "
            f"RMSE={mean_squared_error(y_te, pred) ** 0.5:.3f} R2={r2_score(y_te, pred):.3f}"
        )


if __name__ == "__main__":
    main()
