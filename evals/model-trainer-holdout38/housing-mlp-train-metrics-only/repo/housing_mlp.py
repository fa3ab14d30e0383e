"""Feed-forward regressor for California median house values (in $100k).

Run:  python housing_mlp.py --epochs 150
"""
import argparse
import logging

import numpy as np
import torch
from sklearn.datasets import fetch_california_housing
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

logging.basicConfig(level=logging.INFO, format="[%(levelname)s] %(message)s")
log = logging.getLogger("housing")


class HousingNet(nn.Module):
    def __init__(self, n_features, widths=(256, 128, 64)):
        super().__init__()
        blocks = [nn.BatchNorm1d(n_features)]  # learnable input normalisation
        prev = n_features
        for w in widths:
            blocks += [nn.Linear(prev, w), nn.GELU()]
            prev = w
        blocks.append(nn.Linear(prev, 1))
        self.body = nn.Sequential(*blocks)

    def forward(self, x):
        return self.body(x).squeeze(-1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=150)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", default="housing_mlp.pt")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    housing = fetch_california_housing()
    X = torch.tensor(housing.data, dtype=torch.float32)
    y = torch.tensor(housing.target, dtype=torch.float32)
    loader = DataLoader(TensorDataset(X, y), batch_size=args.batch_size, shuffle=True)

    net = HousingNet(X.shape[1])
    optim = torch.optim.Adam(net.parameters(), lr=args.lr)
    sched = torch.optim.lr_scheduler.StepLR(optim, step_size=50, gamma=0.3)
    criterion = nn.HuberLoss(delta=1.0)

    for epoch in range(1, args.epochs + 1):
        net.train()
        epoch_loss = 0.0
        for xb, yb in loader:
            optim.zero_grad()
            loss = criterion(net(xb), yb)
            loss.backward()
            optim.step()
            epoch_loss += loss.item() * xb.size(0)
        sched.step()
        if epoch % 10 == 0:
            log.info("epoch %3d  huber %.4f", epoch, epoch_loss / len(X))

    net.eval()
    with torch.no_grad():
        preds = torch.cat([net(xb) for xb, _ in DataLoader(TensorDataset(X, y), batch_size=4096)])
    rmse = torch.sqrt(torch.mean((preds - y) ** 2)).item()
    mae = torch.mean(torch.abs(preds - y)).item()
    r2 = 1 - torch.sum((preds - y) ** 2).item() / torch.sum((y - y.mean()) ** 2).item()
    log.info("final model: RMSE %.4f  MAE %.4f  R^2 %.4f", rmse, mae, r2)

    torch.save(net.state_dict(), args.save)
    log.info("saved to %s", args.save)


if __name__ == "__main__":
    main()
