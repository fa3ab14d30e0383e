"""GraphSAGE with neighbour sampling on Flickr (official train/val/test masks)."""
import argparse
import os
import random

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score
from torch_geometric.datasets import Flickr
from torch_geometric.loader import NeighborLoader
from torch_geometric.nn import SAGEConv


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class SAGE(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, num_layers=3, dropout=0.4):
        super().__init__()
        self.convs = torch.nn.ModuleList()
        self.norms = torch.nn.ModuleList()
        dims = [in_dim] + [hidden] * (num_layers - 1)
        for d_in, d_out in zip(dims, dims[1:]):
            self.convs.append(SAGEConv(d_in, d_out))
            self.norms.append(torch.nn.BatchNorm1d(d_out))
        self.convs.append(SAGEConv(hidden, out_dim))
        self.dropout = dropout

    def forward(self, x, edge_index):
        for conv, norm in zip(self.convs[:-1], self.norms):
            x = conv(x, edge_index)
            x = F.relu(norm(x))
            x = F.dropout(x, p=self.dropout, training=self.training)
        return self.convs[-1](x, edge_index)


def train_epoch(model, loader, optimizer, device):
    model.train()
    total_loss, total = 0.0, 0
    for batch in loader:
        batch = batch.to(device)
        optimizer.zero_grad()
        out = model(batch.x, batch.edge_index)[: batch.batch_size]
        loss = F.cross_entropy(out, batch.y[: batch.batch_size])
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * batch.batch_size
        total += batch.batch_size
    return total_loss / total


def evaluate(model, loader, device):
    preds, labels = [], []
    for batch in loader:
        batch = batch.to(device)
        out = model(batch.x, batch.edge_index)[: batch.batch_size]
        preds.append(out.argmax(dim=-1).cpu())
        labels.append(batch.y[: batch.batch_size].cpu())
    y_pred, y_true = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return accuracy_score(y_true, y_pred), f1_score(y_true, y_pred, average="macro")


def make_loader(data, mask, shuffle, batch_size, fanout):
    return NeighborLoader(data, num_neighbors=fanout, input_nodes=mask,
                          batch_size=batch_size, shuffle=shuffle, num_workers=4)


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = Flickr(args.root)[0]
    num_classes = int(data.y.max()) + 1

    fanout = [15, 10, 5]
    train_loader = make_loader(data, data.train_mask, True, args.batch_size, fanout)
    val_loader = make_loader(data, data.val_mask, False, 4096, fanout)
    test_loader = make_loader(data, data.test_mask, False, 4096, fanout)

    model = SAGE(data.num_features, args.hidden, num_classes, dropout=args.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    best_val, bad_epochs = 0.0, 0
    for epoch in range(1, args.epochs + 1):
        loss = train_epoch(model, train_loader, optimizer, device)
        val_acc, val_f1 = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss {loss:.4f} val acc {val_acc:.4f} val macro-F1 {val_f1:.4f}")
        if val_acc > best_val:
            best_val, bad_epochs = val_acc, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test_acc, test_f1 = evaluate(model, test_loader, device)
    print(f"best val acc {best_val:.4f} | test acc {test_acc:.4f} | test macro-F1 {test_f1:.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/Flickr")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--dropout", type=float, default=0.4)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--batch_size", type=int, default=1024)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt", default="checkpoints/sage_flickr.pt")
    main(p.parse_args())
