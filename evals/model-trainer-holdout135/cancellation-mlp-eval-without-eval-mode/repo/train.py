import json
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score

from data import make_loaders
from model import CancelNet

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

(train_dl, val_dl, test_dl), vocab, pos_weight = make_loaders(cfg)
model = CancelNet(len(cfg["numeric"]), [len(vocab[c]) for c in cfg["categorical"]],
                  emb_dim=cfg["emb_dim"], hidden=cfg["hidden"], dropout=cfg["dropout"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, device=device))


@torch.no_grad()
def evaluate(loader):
    probs, ys = [], []
    for x_num, x_cat, y in loader:
        logits = model(x_num.to(device), x_cat.to(device))
        probs.append(torch.sigmoid(logits).cpu().numpy())
        ys.append(y.numpy())
    p, y = np.concatenate(probs), np.concatenate(ys)
    return roc_auc_score(y, p), average_precision_score(y, p)


best_ap, bad_epochs = -1.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    running = 0.0
    for x_num, x_cat, y in train_dl:
        x_num, x_cat, y = x_num.to(device), x_cat.to(device), y.to(device)
        opt.zero_grad()
        loss = loss_fn(model(x_num, x_cat), y)
        loss.backward()
        opt.step()
        running += loss.item() * len(y)
    val_auc, val_ap = evaluate(val_dl)
    print(f"epoch {epoch:02d} train_loss {running / len(train_dl.dataset):.4f} val_auc {val_auc:.4f} val_ap {val_ap:.4f}")
    if val_ap > best_ap:
        best_ap, bad_epochs = val_ap, 0
        torch.save(model.state_dict(), "checkpoints/cancelnet_best.pt")
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["patience"]:
            print("early stopping")
            break

model.load_state_dict(torch.load("checkpoints/cancelnet_best.pt"))
test_auc, test_ap = evaluate(test_dl)
print(f"TEST roc_auc {test_auc:.4f} pr_auc {test_ap:.4f}")
