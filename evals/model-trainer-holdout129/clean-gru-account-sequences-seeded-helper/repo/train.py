import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from data import SeqDataset, build_sequences
from model import SeqClassifier
from utils import get_device, set_seed

SEED, EPOCHS, BATCH = 1337, 25, 128
set_seed(SEED)
device = get_device()


def evaluate(model, loader):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for x, ch, n, y in loader:
            ps.append(torch.sigmoid(model(x.to(device), ch.to(device))).cpu())
            ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return average_precision_score(y, p), roc_auc_score(y, p)


txns = pd.read_parquet("data/txns_6m.parquet")
labels = pd.read_csv("data/account_labels.csv", index_col="account_id")["sar_flag"]
seqs = build_sequences(txns)
labels = labels[labels.index.isin(list(seqs))]

ids_trval, ids_test = train_test_split(labels.index, test_size=0.2, stratify=labels, random_state=SEED)
ids_tr, ids_val = train_test_split(ids_trval, test_size=0.15, stratify=labels[ids_trval], random_state=SEED)

train_dl = DataLoader(SeqDataset(seqs, labels[ids_tr]), batch_size=BATCH, shuffle=True)
val_dl = DataLoader(SeqDataset(seqs, labels[ids_val]), batch_size=512)
test_dl = DataLoader(SeqDataset(seqs, labels[ids_test]), batch_size=512)

model = SeqClassifier().to(device)
pos_weight = torch.tensor((labels[ids_tr] == 0).sum() / (labels[ids_tr] == 1).sum(), dtype=torch.float32)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight.to(device))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)

best_ap = -1.0
for epoch in range(EPOCHS):
    model.train()
    for x, ch, n, y in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(x.to(device), ch.to(device)), y.to(device))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    val_ap, val_auc = evaluate(model, val_dl)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val AP {val_ap:.4f} AUC {val_auc:.4f}")
    if val_ap > best_ap:
        best_ap = val_ap
        torch.save(model.state_dict(), "gru_best.pt")

model.load_state_dict(torch.load("gru_best.pt"))
test_ap, test_auc = evaluate(model, test_dl)
print(f"best val AP {best_ap:.4f} | test AP {test_ap:.4f} AUC {test_auc:.4f}")
