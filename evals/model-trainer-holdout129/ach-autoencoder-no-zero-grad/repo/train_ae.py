"""Unsupervised anomaly scores for ACH originations.

Autoencoder trained on cleared (non-escalated) ACH batches from Jan-Sep; batches from Oct-Dec
are scored and compared against the investigations outcome for reporting.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)

FEATURES = [
    "batch_amount", "n_entries", "n_unique_receivers", "pct_new_receivers", "max_entry_amount",
    "std_entry_amount", "pct_same_day", "pct_credit_entries", "originator_tenure_days",
    "hours_since_prev_batch", "amount_vs_30d_avg", "receivers_vs_30d_avg",
]
SKEWED = ["batch_amount", "max_entry_amount", "std_entry_amount", "hours_since_prev_batch"]


class AE(nn.Module):
    def __init__(self, d, bottleneck=4):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, bottleneck))
        self.dec = nn.Sequential(nn.Linear(bottleneck, 16), nn.ReLU(), nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, d))

    def forward(self, x):
        return self.dec(self.enc(x))


def recon_error(model, X):
    model.eval()
    with torch.no_grad():
        xt = torch.tensor(X, dtype=torch.float32)
        return ((model(xt) - xt) ** 2).mean(dim=1).numpy()


def main():
    df = pd.read_csv("data/ach_batches_2023.csv", parse_dates=["batch_date"])
    df[SKEWED] = np.log1p(df[SKEWED].clip(lower=0))

    train = df[(df["batch_date"] < "2023-10-01") & (df["escalated"] == 0)]
    test = df[df["batch_date"] >= "2023-10-01"]

    scaler = StandardScaler().fit(train[FEATURES])
    X_tr = scaler.transform(train[FEATURES]).astype(np.float32)
    X_te = scaler.transform(test[FEATURES]).astype(np.float32)

    loader = DataLoader(TensorDataset(torch.from_numpy(X_tr)), batch_size=512, shuffle=True)
    model = AE(len(FEATURES))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()

    for epoch in range(40):
        model.train()
        total = 0.0
        for (xb,) in loader:
            loss = loss_fn(model(xb), xb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        if epoch % 5 == 0:
            print(f"epoch {epoch:02d} train mse {total / len(X_tr):.5f}")

    train_err = recon_error(model, X_tr)
    threshold = np.quantile(train_err, 0.995)

    test_err = recon_error(model, X_te)
    y = test["escalated"].values
    print(f"threshold={threshold:.4f}  flagged={np.mean(test_err > threshold):.3%}")
    print("ROC AUC", roc_auc_score(y, test_err))
    print("PR AUC ", average_precision_score(y, test_err))
    print("hit rate among flagged", y[test_err > threshold].mean())

    torch.save({"model": model.state_dict(), "threshold": float(threshold)}, "ach_ae.pt")


if __name__ == "__main__":
    main()
