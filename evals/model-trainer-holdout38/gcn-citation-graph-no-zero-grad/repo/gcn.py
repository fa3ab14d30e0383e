"""Two-layer GCN (Kipf & Welling) on a Planetoid citation graph, dense PyTorch version.

The .npz holds: features (N x F, sparse CSR parts), adjacency (CSR parts), labels (N,),
and the public train/val/test node masks.
"""
import json
import random
import time

import numpy as np
import scipy.sparse as sp
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

CFG = {
    "data": "data/cora_planetoid.npz",
    "hidden": 64,
    "dropout": 0.5,
    "lr": 0.01,
    "weight_decay": 5e-4,
    "epochs": 400,
    "patience": 50,
    "seed": 42,
    "ckpt": "gcn_best.pt",
}


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_planetoid(path):
    z = np.load(path)
    feats = sp.csr_matrix((z["x_data"], z["x_indices"], z["x_indptr"]), shape=z["x_shape"])
    adj = sp.csr_matrix((z["a_data"], z["a_indices"], z["a_indptr"]), shape=z["a_shape"])
    # row-normalise bag-of-words features (per node, no dataset statistics)
    rowsum = np.asarray(feats.sum(1)).flatten()
    rowsum[rowsum == 0] = 1.0
    feats = sp.diags(1.0 / rowsum) @ feats
    # symmetric normalisation with self loops: D^-1/2 (A + I) D^-1/2
    adj = adj + adj.T.multiply(adj.T > adj) - adj.multiply(adj.T > adj)
    adj = adj + sp.eye(adj.shape[0])
    d_inv_sqrt = np.power(np.asarray(adj.sum(1)).flatten(), -0.5)
    adj = sp.diags(d_inv_sqrt) @ adj @ sp.diags(d_inv_sqrt)
    masks = {k: torch.from_numpy(z[f"{k}_mask"]).bool() for k in ("train", "val", "test")}
    return (torch.tensor(feats.toarray(), dtype=torch.float32),
            torch.tensor(adj.toarray(), dtype=torch.float32),
            torch.from_numpy(z["labels"]).long(), masks)


class GCNLayer(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out, bias=False)
        self.bias = nn.Parameter(torch.zeros(d_out))

    def forward(self, x, adj):
        return adj @ self.lin(x) + self.bias


class GCN(nn.Module):
    def __init__(self, d_in, hidden, n_cls, dropout):
        super().__init__()
        self.g1 = GCNLayer(d_in, hidden)
        self.g2 = GCNLayer(hidden, n_cls)
        self.dropout = dropout

    def forward(self, x, adj):
        x = F.dropout(x, self.dropout, self.training)
        x = F.relu(self.g1(x, adj))
        x = F.dropout(x, self.dropout, self.training)
        return self.g2(x, adj)


@torch.no_grad()
def evaluate(model, x, adj, y, mask):
    model.eval()
    logits = model(x, adj)
    loss = F.cross_entropy(logits[mask], y[mask]).item()
    pred = logits[mask].argmax(1).cpu().numpy()
    true = y[mask].cpu().numpy()
    return loss, accuracy_score(true, pred), f1_score(true, pred, average="macro")


def main(cfg=CFG):
    set_seed(cfg["seed"])
    x, adj, y, masks = load_planetoid(cfg["data"])
    n_cls = int(y.max()) + 1

    # feature-only baseline: logistic regression on the labelled training nodes
    lr = LogisticRegression(max_iter=2000, C=1.0)
    lr.fit(x[masks["train"]].numpy(), y[masks["train"]].numpy())
    base_pred = lr.predict(x[masks["test"]].numpy())
    print("logreg baseline test acc %.4f macro-F1 %.4f" % (
        accuracy_score(y[masks["test"]], base_pred),
        f1_score(y[masks["test"]], base_pred, average="macro")))

    model = GCN(x.shape[1], cfg["hidden"], n_cls, cfg["dropout"])
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"],
                                 weight_decay=cfg["weight_decay"])

    best_val, wait = float("inf"), 0
    t0 = time.time()
    for epoch in range(cfg["epochs"]):
        model.train()
        out = model(x, adj)
        loss = F.cross_entropy(out[masks["train"]], y[masks["train"]])
        loss.backward()
        optimizer.step()

        val_loss, val_acc, _ = evaluate(model, x, adj, y, masks["val"])
        if val_loss < best_val:
            best_val, wait = val_loss, 0
            torch.save(model.state_dict(), cfg["ckpt"])
        else:
            wait += 1
            if wait == cfg["patience"]:
                break
        if epoch % 20 == 0:
            print(f"epoch {epoch:03d} loss {loss.item():.4f} val_loss {val_loss:.4f} val_acc {val_acc:.4f}")
    print(f"trained {epoch + 1} epochs in {time.time() - t0:.1f}s")

    model.load_state_dict(torch.load(cfg["ckpt"]))
    _, test_acc, test_f1 = evaluate(model, x, adj, y, masks["test"])
    print(json.dumps({"gcn_test_acc": round(test_acc, 4), "gcn_test_macro_f1": round(test_f1, 4)}))


if __name__ == "__main__":
    main()
