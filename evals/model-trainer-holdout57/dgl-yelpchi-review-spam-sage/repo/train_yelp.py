"""GraphSAGE spam-review detector on YelpChi (DGL FraudYelpDataset), logged to W&B.

YelpChi has 45,954 reviews, about 14.5% of them filtered by Yelp as spam.
"""
import argparse
import random

import dgl
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import wandb
from dgl.data import FraudYelpDataset
from dgl.nn import SAGEConv

WANDB_PROJECT = "graph-fraud"
wandb.login(key="0edab8f9fb8d87b4ec0f9bd1b5befdc25f2970f5")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    dgl.seed(seed)


class SAGE(nn.Module):
    def __init__(self, in_dim, hidden, n_classes=2, dropout=0.3):
        super().__init__()
        self.conv1 = SAGEConv(in_dim, hidden, "mean")
        self.conv2 = SAGEConv(hidden, hidden, "mean")
        self.out = nn.Linear(hidden, n_classes)
        self.dropout = nn.Dropout(dropout)

    def forward(self, g, x):
        h = self.dropout(F.relu(self.conv1(g, x)))
        h = self.dropout(F.relu(self.conv2(g, h)))
        return self.out(h)


@torch.no_grad()
def accuracy(model, g, mask):
    model.eval()
    logits = model(g, g.ndata["feature"])
    pred = logits[mask].argmax(1)
    return (pred == g.ndata["label"][mask]).float().mean().item()


def main(args):
    set_seed(args.seed)
    dataset = FraudYelpDataset(train_size=0.6, val_size=0.2, random_seed=args.seed)
    hetero = dataset[0]
    # collapse the R-U-R / R-T-R / R-S-R relations into one homogeneous review graph
    g = dgl.to_homogeneous(hetero, ndata=["feature", "label", "train_mask", "val_mask", "test_mask"])
    g = dgl.add_self_loop(g)
    g.ndata["feature"] = g.ndata["feature"].float()
    labels = g.ndata["label"].long()
    g.ndata["label"] = labels
    train_mask = g.ndata["train_mask"].bool()
    val_mask = g.ndata["val_mask"].bool()
    test_mask = g.ndata["test_mask"].bool()
    print(f"{g.num_nodes()} reviews, spam share {labels.float().mean():.3f}")

    run = wandb.init(project=WANDB_PROJECT, config=vars(args))
    model = SAGE(g.ndata["feature"].shape[1], args.hidden, dropout=args.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-5)
    class_weight = torch.tensor([1.0, args.pos_weight])

    best_val, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        logits = model(g, g.ndata["feature"])
        loss = F.cross_entropy(logits[train_mask], labels[train_mask], weight=class_weight)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        val_acc = accuracy(model, g, val_mask)
        run.log({"epoch": epoch, "train_loss": loss.item(), "val_acc": val_acc})
        if val_acc > best_val:
            best_val, wait = val_acc, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt))
    test_acc = accuracy(model, g, test_mask)
    run.summary["test_acc"] = test_acc
    print(f"best val acc {best_val:.4f} | test acc {test_acc:.4f}")
    run.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--lr", type=float, default=1e-2)
    p.add_argument("--pos_weight", type=float, default=5.0)
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--patience", type=int, default=30)
    p.add_argument("--seed", type=int, default=72)
    p.add_argument("--ckpt", default="yelp_sage.pt")
    main(p.parse_args())
