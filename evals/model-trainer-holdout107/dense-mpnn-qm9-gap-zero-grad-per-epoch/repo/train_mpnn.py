"""Edge-type-aware dense MPNN for the QM9 HOMO-LUMO gap (eV)."""
import argparse
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader

from dataset import BOND_ORDERS, DenseMolDataset


class DenseMPNN(nn.Module):
    def __init__(self, in_dim, hidden=128, steps=4, n_edge_types=len(BOND_ORDERS)):
        super().__init__()
        self.embed = nn.Linear(in_dim, hidden)
        self.edge_nets = nn.ModuleList([nn.Linear(hidden, hidden, bias=False) for _ in range(n_edge_types)])
        self.gru = nn.GRUCell(hidden, hidden)
        self.steps = steps
        self.readout = nn.Sequential(nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 1))

    def forward(self, x, adj, mask):
        b, n, _ = x.shape
        h = torch.relu(self.embed(x)) * mask.unsqueeze(-1)
        for _ in range(self.steps):
            msg = sum(adj[:, k] @ net(h) for k, net in enumerate(self.edge_nets))
            h = self.gru(msg.reshape(b * n, -1), h.reshape(b * n, -1)).reshape(b, n, -1)
            h = h * mask.unsqueeze(-1)
        return self.readout(h.sum(dim=1))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    errs = []
    for x, adj, mask, y in loader:
        pred = model(x.to(device), adj.to(device), mask.to(device))
        errs.append((pred - y.to(device)).cpu())
    errs = torch.cat(errs)
    return errs.abs().mean().item(), errs.pow(2).mean().sqrt().item()


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.csv)
    df = df.sample(n=min(args.n_mols, len(df)), random_state=args.seed)
    train_df, test_df = train_test_split(df, test_size=0.1, random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.1, random_state=args.seed)

    loaders = {
        name: DataLoader(DenseMolDataset(d["smiles"], d["gap_eV"]), batch_size=args.batch_size, shuffle=(name == "train"))
        for name, d in [("train", train_df), ("val", val_df), ("test", test_df)]
    }
    model = DenseMPNN(in_dim=8).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.L1Loss()

    best_val, best_state, wait = float("inf"), None, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for x, adj, mask, y in loaders["train"]:
            x, adj, mask, y = x.to(device), adj.to(device), mask.to(device), y.to(device)
            loss = loss_fn(model(x, adj, mask), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 10.0)
            optimizer.step()
            running += loss.item() * len(y)
        val_mae, val_rmse = evaluate(model, loaders["val"], device)
        print(f"epoch {epoch:3d}  train_mae {running / len(train_df):.4f}  val_mae {val_mae:.4f}")
        if val_mae < best_val:
            best_val, best_state, wait = val_mae, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(best_state)
    test_mae, test_rmse = evaluate(model, loaders["test"], device)
    mean_baseline = (torch.tensor(test_df["gap_eV"].values) - train_df["gap_eV"].mean()).abs().mean().item()
    print(f"test MAE {test_mae:.4f} eV | RMSE {test_rmse:.4f} eV | train-mean baseline MAE {mean_baseline:.4f} eV")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/qm9_gap.csv")
    p.add_argument("--n-mols", type=int, default=60000)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--patience", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt", default="mpnn_gap_best.pt")
    main(p.parse_args())
