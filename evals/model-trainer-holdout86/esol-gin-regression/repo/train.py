"""Aqueous solubility (ESOL / Delaney) regression with a GIN over molecular graphs."""
import argparse
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.data import random_split
from torch_geometric.datasets import MoleculeNet
from torch_geometric.loader import DataLoader

from molgraph.model import GIN
from molgraph.utils import mae, rmse, seed_all


def run_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    optimizer.zero_grad()
    for batch in loader:
        batch = batch.to(device)
        pred = model(batch.x.float(), batch.edge_index, batch.batch)
        loss = F.mse_loss(pred, batch.y.view(-1))
        loss.backward()
        optimizer.step()
        total += loss.item() * batch.num_graphs
        n += batch.num_graphs
    return total / n


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for batch in loader:
        batch = batch.to(device)
        preds.append(model(batch.x.float(), batch.edge_index, batch.batch).cpu())
        targets.append(batch.y.view(-1).cpu())
    return torch.cat(preds), torch.cat(targets)


def main(args):
    gen = seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dataset = MoleculeNet(root=args.root, name="ESOL")
    n = len(dataset)
    n_val, n_test = int(0.1 * n), int(0.1 * n)
    train_set, val_set, test_set = random_split(dataset, [n - n_val - n_test, n_val, n_test], generator=gen)

    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
    val_loader = DataLoader(val_set, batch_size=256)
    test_loader = DataLoader(test_set, batch_size=256)

    model = GIN(dataset.num_node_features, hidden=args.hidden, num_layers=args.layers).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=10)

    ckpt = Path(args.out) / "gin_esol.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_val, bad = float("inf"), 0
    for epoch in range(1, args.epochs + 1):
        train_mse = run_epoch(model, train_loader, optimizer, device)
        val_pred, val_y = predict(model, val_loader, device)
        val_rmse = rmse(val_pred, val_y)
        scheduler.step(val_rmse)
        if val_rmse < best_val:
            best_val, bad = val_rmse, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
        if epoch % 20 == 0:
            print(f"epoch {epoch:03d} train_mse {train_mse:.3f} val_rmse {val_rmse:.3f}")
        if bad >= args.patience:
            break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_pred, test_y = predict(model, test_loader, device)
    train_mean = torch.cat([d.y.view(-1) for d in train_set]).mean()
    baseline = torch.full_like(test_y, float(train_mean))
    print(f"GIN       test RMSE {rmse(test_pred, test_y):.3f}  MAE {mae(test_pred, test_y):.3f}")
    print(f"mean-pred test RMSE {rmse(baseline, test_y):.3f}  MAE {mae(baseline, test_y):.3f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/moleculenet")
    p.add_argument("--out", default="checkpoints")
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--patience", type=int, default=40)
    main(p.parse_args())
