import argparse

import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split


def parse_args():
    p = argparse.ArgumentParser(description="Pump failure classifier")
    p.add_argument("--data", default="data/pump_telemetry.csv")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--seed", type=int, default=13)
    return p.parse_args()


def main():
    args = parse_args()
    torch.manual_seed(args.seed)
    df = pd.read_csv(args.data)
    X = torch.tensor(df.drop(columns=["failed"]).values, dtype=torch.float32)
    y = torch.tensor(df["failed"].values, dtype=torch.float32)

    mu, sigma = X.mean(dim=0), X.std(dim=0)
    X = (X - mu) / (sigma + 1e-8)

    full = TensorDataset(X, y)
    n_val = n_test = len(full) // 5
    gen = torch.Generator().manual_seed(args.seed)
    train_ds, val_ds, test_ds = random_split(full, [len(full) - n_val - n_test, n_val, n_test], generator=gen)
    train_dl = DataLoader(train_ds, batch_size=128, shuffle=True, generator=gen)
    val_dl = DataLoader(val_ds, batch_size=512)
    test_dl = DataLoader(test_ds, batch_size=512)

    model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()

    def predict(loader):
        model.eval()
        with torch.no_grad():
            return torch.cat([model(xb).squeeze(1) for xb, _ in loader]), torch.cat([yb for _, yb in loader])

    best, bad = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb).squeeze(1), yb)
            loss.backward()
            opt.step()
        logits, targets = predict(val_dl)
        val_loss = loss_fn(logits, targets).item()
        if val_loss < best:
            best, bad = val_loss, 0
            torch.save(model.state_dict(), "best_model.pt")
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load("best_model.pt"))
    logits, targets = predict(test_dl)
    scores = torch.sigmoid(logits).numpy()
    print(f"test ROC AUC {roc_auc_score(targets.numpy(), scores):.3f}")
    print(f"test PR AUC  {average_precision_score(targets.numpy(), scores):.3f}")
    print(f"positive rate {targets.mean().item():.3f}")


if __name__ == "__main__":
    main()
