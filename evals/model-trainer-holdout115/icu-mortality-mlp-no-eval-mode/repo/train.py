import copy
import random

import numpy as np
import torch
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

from data import make_loaders
from model import MortalityMLP


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def evaluate(model, loader, loss_fn):
    losses, probs, ys = [], [], []
    for xb, yb in loader:
        logits = model(xb)
        losses.append(loss_fn(logits, yb).item() * len(yb))
        probs.append(torch.sigmoid(logits))
        ys.append(yb)
    p, y = torch.cat(probs).numpy(), torch.cat(ys).numpy()
    return sum(losses) / len(y), roc_auc_score(y, p), average_precision_score(y, p)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    train_dl, val_dl, test_dl, n_in = make_loaders(cfg, cfg["seed"])

    model = MortalityMLP(n_in, tuple(cfg["model"]["hidden"]), cfg["model"]["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                            weight_decay=cfg["train"]["weight_decay"])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(cfg["train"]["pos_weight"]))

    best_loss, best_state, bad = float("inf"), None, 0
    for epoch in range(cfg["train"]["max_epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()

        val_loss, val_auc, val_ap = evaluate(model, val_dl, loss_fn)
        print(f"epoch {epoch:02d} val_loss {val_loss:.4f} auroc {val_auc:.3f} auprc {val_ap:.3f}")
        if val_loss < best_loss - 1e-4:
            best_loss, best_state, bad = val_loss, copy.deepcopy(model.state_dict()), 0
        else:
            bad += 1
            if bad >= cfg["train"]["patience"]:
                break

    model.load_state_dict(best_state)
    _, test_auc, test_ap = evaluate(model, test_dl, loss_fn)
    print(f"TEST auroc {test_auc:.3f} auprc {test_ap:.3f}")
    torch.save(model.state_dict(), "mortality_mlp.pt")


if __name__ == "__main__":
    main()
