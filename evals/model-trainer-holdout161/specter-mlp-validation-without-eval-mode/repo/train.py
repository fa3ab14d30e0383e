import copy
import random

import numpy as np
import torch
from sklearn.metrics import f1_score, accuracy_score
from torch import nn
from torch.utils.data import DataLoader

from data import load_splits
from model import EmbeddingClassifier

SEED = 1234
EPOCHS = 60
PATIENCE = 8
BATCH_SIZE = 256
LR = 1e-3

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.cuda.manual_seed_all(SEED)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_one_epoch(model, loader, optimizer, criterion):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader):
    preds, golds = [], []
    for xb, yb in loader:
        logits = model(xb.to(device))
        preds.append(logits.argmax(dim=1).cpu())
        golds.append(yb)
    preds, golds = torch.cat(preds).numpy(), torch.cat(golds).numpy()
    return {
        "acc": accuracy_score(golds, preds),
        "macro_f1": f1_score(golds, preds, average="macro"),
    }


def main():
    ds, label2id = load_splits()
    train_dl = DataLoader(ds["train"], batch_size=BATCH_SIZE, shuffle=True, drop_last=True)
    val_dl = DataLoader(ds["val"], batch_size=1024)
    test_dl = DataLoader(ds["test"], batch_size=1024)

    model = EmbeddingClassifier(n_classes=len(label2id)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=1e-4)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_f1, best_state, bad_epochs = -1.0, None, 0
    for epoch in range(EPOCHS):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion)
        val = evaluate(model, val_dl)
        print(f"epoch {epoch:02d} loss {tr_loss:.4f} val_acc {val['acc']:.4f} val_f1 {val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1, best_state, bad_epochs = val["macro_f1"], copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= PATIENCE:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(best_state)
    test = evaluate(model, test_dl)
    print(f"TEST (2021)  acc {test['acc']:.4f}  macro_f1 {test['macro_f1']:.4f}")
    torch.save({"state_dict": best_state, "label2id": label2id}, "checkpoints/specter_mlp.pt")


if __name__ == "__main__":
    main()
