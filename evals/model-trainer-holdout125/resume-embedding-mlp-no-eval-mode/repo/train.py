import argparse
import copy
import random

import numpy as np
import torch
from sklearn.metrics import roc_auc_score, average_precision_score
from torch import nn
from torch.utils.data import DataLoader

from data import load_splits, TAB_COLS
from model import ScreenMLP

ap = argparse.ArgumentParser()
ap.add_argument("--meta", default="data/applications_meta.parquet")
ap.add_argument("--emb", default="data/resume_minilm_emb.npy")
ap.add_argument("--epochs", type=int, default=30)
ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--batch-size", type=int, default=256)
ap.add_argument("--seed", type=int, default=3)
args = ap.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

train_ds, val_ds, test_ds, pos_rate = load_splits(args.meta, args.emb, args.seed)
train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, drop_last=True)
val_dl = DataLoader(val_ds, batch_size=1024)
test_dl = DataLoader(test_ds, batch_size=1024)

model = ScreenMLP(tab_dim=len(TAB_COLS)).to(device)
pos_weight = torch.tensor((1 - pos_rate) / pos_rate, device=device)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)


def predict(loader):
    probs, labels = [], []
    with torch.no_grad():
        for emb, tab, y in loader:
            logits = model(emb.to(device), tab.to(device))
            probs.append(torch.sigmoid(logits).cpu())
            labels.append(y)
    return torch.cat(labels).numpy(), torch.cat(probs).numpy()


best_auc, best_state = -1.0, None
for epoch in range(args.epochs):
    model.train()
    running = 0.0
    for emb, tab, y in train_dl:
        emb, tab, y = emb.to(device), tab.to(device), y.to(device)
        opt.zero_grad()
        loss = loss_fn(model(emb, tab), y)
        loss.backward()
        opt.step()
        running += loss.item() * len(y)

    yv, pv = predict(val_dl)
    val_auc = roc_auc_score(yv, pv)
    print(f"epoch {epoch:02d} train_loss {running / len(train_ds):.4f} val_auc {val_auc:.4f}")
    if val_auc > best_auc:
        best_auc, best_state = val_auc, copy.deepcopy(model.state_dict())

model.load_state_dict(best_state)
yt, pt = predict(test_dl)
print(f"best val AUC {best_auc:.4f}")
print(f"test AUC {roc_auc_score(yt, pt):.4f}  test AP {average_precision_score(yt, pt):.4f}")
torch.save(best_state, "screen_mlp.pt")
