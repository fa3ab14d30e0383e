"""Temporal node classification on Elliptic: train on time steps 1-29, validate on 30-34, test on 35-49."""
import copy
import random

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score, precision_score, recall_score

from data import load_elliptic
from model import GCN

SEED = 17
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

EPOCHS = 300
LR = 1e-3


def evaluate(model, x, adj, y, mask):
    with torch.no_grad():
        logits = model(x, adj)
    pred = logits[mask].argmax(dim=1).numpy()
    true = y[mask].numpy()
    return {
        "illicit_f1": f1_score(true, pred, pos_label=1),
        "illicit_precision": precision_score(true, pred, pos_label=1, zero_division=0),
        "illicit_recall": recall_score(true, pred, pos_label=1),
    }


def main():
    x, adj, y, ts = load_elliptic()
    labelled = y >= 0
    train_mask = labelled & (ts <= 29)
    val_mask = labelled & (ts >= 30) & (ts <= 34)
    test_mask = labelled & (ts >= 35)
    print(f"train={int(train_mask.sum())} val={int(val_mask.sum())} test={int(test_mask.sum())}")

    # illicit is ~10% of labelled nodes
    n_pos = int((y[train_mask] == 1).sum())
    n_neg = int((y[train_mask] == 0).sum())
    weight = torch.tensor([1.0, n_neg / n_pos])

    model = GCN(x.shape[1], d_hidden=100, dropout=0.5)
    opt = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=5e-4)

    best_f1, best_state = -1.0, None
    for epoch in range(1, EPOCHS + 1):
        model.train()
        opt.zero_grad()
        out = model(x, adj)
        loss = F.cross_entropy(out[train_mask], y[train_mask], weight=weight)
        loss.backward()
        opt.step()

        if epoch % 10 == 0:
            val = evaluate(model, x, adj, y, val_mask)
            print(f"epoch {epoch:3d} loss {loss.item():.4f} val illicit F1 {val['illicit_f1']:.3f}")
            if val["illicit_f1"] > best_f1:
                best_f1, best_state = val["illicit_f1"], copy.deepcopy(model.state_dict())

    model.load_state_dict(best_state)
    test = evaluate(model, x, adj, y, test_mask)
    print("test:", {k: round(v, 4) for k, v in test.items()})
    torch.save(model.state_dict(), "gcn_elliptic.pt")


if __name__ == "__main__":
    main()
