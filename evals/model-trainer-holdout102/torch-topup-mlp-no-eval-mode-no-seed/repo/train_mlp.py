"""MLP fraud scorer for prepaid card top-ups.

python train_mlp.py  (reads data/topups_features.parquet, writes checkpoints/topup_mlp.pt)
"""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

DATA = Path("data/topups_features.parquet")
CKPT = Path("checkpoints/topup_mlp.pt")
FEATURES = [
    "amount", "log_amount", "topups_1h", "topups_24h", "topup_amount_24h", "distinct_funding_cards_7d",
    "funding_card_age_days", "wallet_age_days", "kyc_level", "device_wallets_30d", "ip_risk_score",
    "hour_sin", "hour_cos", "funding_bin_fraud_rate_prev_q",
]
EPOCHS, PATIENCE, BATCH = 40, 5, 2048


class TopupMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(128, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(1)


def tensors(frame, mean, std):
    x = ((frame[FEATURES] - mean) / std).fillna(0).to_numpy(np.float32)
    return torch.from_numpy(x), torch.from_numpy(frame["is_fraud"].to_numpy(np.float32))


def evaluate(model, loader, criterion):
    total, scores, labels = 0.0, [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb)
            total += criterion(logits, yb).item() * len(yb)
            scores.append(torch.sigmoid(logits))
            labels.append(yb)
    scores, labels = torch.cat(scores).numpy(), torch.cat(labels).numpy()
    return total / len(labels), scores, labels


df = pd.read_parquet(DATA).sort_values("created_at")
train = df[df.created_at < "2024-03-01"]
valid = df[(df.created_at >= "2024-03-01") & (df.created_at < "2024-04-01")]
test = df[df.created_at >= "2024-04-01"]
mean, std = train[FEATURES].mean(), train[FEATURES].std().replace(0, 1)

x_tr, y_tr = tensors(train, mean, std)
x_va, y_va = tensors(valid, mean, std)
x_te, y_te = tensors(test, mean, std)

# oversample fraud to ~10% of each batch
weights = torch.where(y_tr == 1, 0.1 / y_tr.mean(), 0.9 / (1 - y_tr.mean()))
sampler = WeightedRandomSampler(weights, num_samples=len(weights), replacement=True)
train_loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=BATCH, sampler=sampler)
valid_loader = DataLoader(TensorDataset(x_va, y_va), batch_size=8192)
test_loader = DataLoader(TensorDataset(x_te, y_te), batch_size=8192)

model = TopupMLP(len(FEATURES))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
CKPT.parent.mkdir(parents=True, exist_ok=True)

best_ap, bad = 0.0, 0
for epoch in range(EPOCHS):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
    val_loss, val_scores, val_labels = evaluate(model, valid_loader, criterion)
    val_ap = average_precision_score(val_labels, val_scores)
    print(f"epoch {epoch:02d}  val_loss {val_loss:.4f}  val_ap {val_ap:.4f}")
    if val_ap > best_ap:
        best_ap, bad = val_ap, 0
        torch.save(model.state_dict(), CKPT)
    else:
        bad += 1
        if bad >= PATIENCE:
            break

model.load_state_dict(torch.load(CKPT))
_, val_scores, val_labels = evaluate(model, valid_loader, criterion)
precision, recall, thresholds = precision_recall_curve(val_labels, val_scores)
ok = precision[:-1] >= 0.5
threshold = thresholds[ok][np.argmax(recall[:-1][ok])] if ok.any() else 0.5

_, test_scores, test_labels = evaluate(model, test_loader, criterion)
flag = test_scores >= threshold
print(f"MLP    test PR-AUC {average_precision_score(test_labels, test_scores):.4f} "
      f"ROC-AUC {roc_auc_score(test_labels, test_scores):.4f} "
      f"precision {test_labels[flag].mean():.3f} recall {test_labels[flag].sum() / test_labels.sum():.3f}")

logreg = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x_tr.numpy(), y_tr.numpy())
lr_scores = logreg.predict_proba(x_te.numpy())[:, 1]
print(f"logreg test PR-AUC {average_precision_score(test_labels, lr_scores):.4f} "
      f"ROC-AUC {roc_auc_score(test_labels, lr_scores):.4f}")
