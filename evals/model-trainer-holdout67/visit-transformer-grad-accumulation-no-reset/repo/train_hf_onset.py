"""Predict incident heart failure in the next 12 months from a patient's visit history.

Each patient is a sequence of visits; each visit is a bag of ICD-10 / ATC codes.
Visits are embedded by summing code embeddings, then a small transformer runs over visits.
"""
import argparse
import json
import math
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader

from dataset import VisitSequenceDataset, collate_visits, load_split

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/hf_onset")
p.add_argument("--out", default="runs/visit_transformer")
p.add_argument("--epochs", type=int, default=30)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--accum-steps", type=int, default=4)
p.add_argument("--lr", type=float, default=3e-4)
p.add_argument("--patience", type=int, default=4)
p.add_argument("--seed", type=int, default=2023)
args = p.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class VisitTransformer(nn.Module):
    def __init__(self, n_codes, d_model=128, n_heads=4, n_layers=2, max_visits=64, dropout=0.2):
        super().__init__()
        self.code_emb = nn.EmbeddingBag(n_codes, d_model, mode="sum", padding_idx=0)
        self.pos_emb = nn.Embedding(max_visits, d_model)
        self.gap_proj = nn.Linear(1, d_model)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, 4 * d_model, dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.cls = nn.Sequential(nn.Dropout(dropout), nn.Linear(d_model, 1))

    def forward(self, codes, offsets, visit_mask, days_gap):
        b, v = visit_mask.shape
        visits = self.code_emb(codes, offsets).view(b, v, -1)
        pos = torch.arange(v, device=visits.device).unsqueeze(0)
        h = visits + self.pos_emb(pos) + self.gap_proj(torch.log1p(days_gap).unsqueeze(-1))
        h = self.encoder(h, src_key_padding_mask=~visit_mask)
        last = visit_mask.sum(1) - 1
        return self.cls(h[torch.arange(b), last]).squeeze(-1)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    ys, ps = [], []
    for batch in loader:
        logits = model(*(t.to(device) for t in batch["inputs"]))
        ps.append(torch.sigmoid(logits).cpu().numpy())
        ys.append(batch["label"].numpy())
    return np.concatenate(ys), np.concatenate(ps)


train_ds = VisitSequenceDataset(load_split(args.data, "train"))
val_ds = VisitSequenceDataset(load_split(args.data, "val"), vocab=train_ds.vocab)
test_ds = VisitSequenceDataset(load_split(args.data, "test"), vocab=train_ds.vocab)
g = torch.Generator().manual_seed(args.seed)
train_dl = DataLoader(train_ds, args.batch_size, shuffle=True, collate_fn=collate_visits, generator=g)
val_dl = DataLoader(val_ds, 128, collate_fn=collate_visits)
test_dl = DataLoader(test_ds, 128, collate_fn=collate_visits)

model = VisitTransformer(len(train_ds.vocab)).to(device)
pos_frac = train_ds.labels.mean()
loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_frac) / pos_frac, device=device))
optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
total_updates = math.ceil(len(train_dl) / args.accum_steps) * args.epochs
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=total_updates)

out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
best_auprc, stale = -1.0, 0
optimizer.zero_grad()
for epoch in range(args.epochs):
    model.train()
    running = 0.0
    for step, batch in enumerate(train_dl):
        logits = model(*(t.to(device) for t in batch["inputs"]))
        loss = loss_fn(logits, batch["label"].float().to(device)) / args.accum_steps
        loss.backward()
        running += loss.item()
        if (step + 1) % args.accum_steps == 0 or step + 1 == len(train_dl):
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()

    y_val, p_val = predict(model, val_dl)
    val_auroc, val_auprc = roc_auc_score(y_val, p_val), average_precision_score(y_val, p_val)
    print(f"epoch {epoch} loss={running / len(train_dl):.4f} val_auroc={val_auroc:.3f} val_auprc={val_auprc:.3f}")
    if val_auprc > best_auprc:
        best_auprc, stale = val_auprc, 0
        torch.save(model.state_dict(), out / "best.pt")
    else:
        stale += 1
        if stale >= args.patience:
            break

model.load_state_dict(torch.load(out / "best.pt", map_location=device))
y_test, p_test = predict(model, test_dl)
prev = np.full_like(p_test, pos_frac)
report = {
    "test_auroc": roc_auc_score(y_test, p_test),
    "test_auprc": average_precision_score(y_test, p_test),
    "prevalence_auprc": average_precision_score(y_test, prev),
}
print(report)
json.dump(report, open(out / "test_metrics.json", "w"), indent=2)
