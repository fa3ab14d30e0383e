"""Flag consumer product reviews that describe a safety incident (burns, shocks, choking...)."""
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from fasttext_lite.features import Featurizer, collate
from fasttext_lite.model import FastTextClassifier

SEED, EPOCHS, PATIENCE, CKPT = 31337, 40, 5, "checkpoints/fasttext_safety.pt"
random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)

df = pd.read_csv("data/safety_labelled_reviews.csv").dropna(subset=["text", "safety_issue"])
train_df, tmp = train_test_split(df, test_size=0.3, stratify=df["safety_issue"], random_state=SEED)
val_df, test_df = train_test_split(tmp, test_size=0.5, stratify=tmp["safety_issue"], random_state=SEED)

feat = Featurizer(min_count=2).fit(train_df["text"])
make = lambda d, sh: DataLoader([(feat.ids(t), y) for t, y in zip(d["text"], d["safety_issue"])],
                                batch_size=128, shuffle=sh, collate_fn=collate)
train_dl, val_dl, test_dl = make(train_df, True), make(val_df, False), make(test_df, False)

model = FastTextClassifier(feat.size)
pos_weight = torch.tensor((train_df["safety_issue"] == 0).sum() / (train_df["safety_issue"] == 1).sum())
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=5e-3)


@torch.no_grad()
def scores(loader):
    model.eval()
    out, ys = [], []
    for ids, offsets, y in loader:
        out.append(torch.sigmoid(model(ids, offsets)))
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


best_ap, stale = -1.0, 0
for epoch in range(EPOCHS):
    model.train()
    for ids, offsets, y in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(ids, offsets), y)
        loss.backward()
        opt.step()
    y_val, p_val = scores(val_dl)
    ap = average_precision_score(y_val, p_val)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val PR-AUC {ap:.4f}")
    if ap > best_ap:
        best_ap, stale = ap, 0
        torch.save(model.state_dict(), CKPT)
    else:
        stale += 1
        if stale >= PATIENCE:
            break

model.load_state_dict(torch.load(CKPT))
y_val, p_val = scores(val_dl)
prec, rec, thr = precision_recall_curve(y_val, p_val)
threshold = float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None))])

y_test, p_test = scores(test_dl)
print(f"threshold (val) {threshold:.3f}")
print(f"test ROC-AUC {roc_auc_score(y_test, p_test):.4f}  PR-AUC {average_precision_score(y_test, p_test):.4f}  "
      f"F1 {f1_score(y_test, (p_test >= threshold).astype(int)):.4f}")
print(f"prevalence baseline PR-AUC {y_test.mean():.4f}")
