"""Credit-approval MLP trained with a demographic-parity penalty on the protected attribute.

loss = BCE(y, p) + lambda * |E[p | group=a] - E[p | group=b]|
"""
import argparse

import numpy as np
import pandas as pd
import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/german_credit_encoded.csv")
p.add_argument("--lam", type=float, default=0.5)
p.add_argument("--epochs", type=int, default=100)
p.add_argument("--patience", type=int, default=10)
p.add_argument("--seed", type=int, default=11)
args = p.parse_args()

torch.manual_seed(args.seed)
np.random.seed(args.seed)

df = pd.read_csv(args.data)
sensitive = (df["personal_status_sex"].str.startswith("female")).astype(int).to_numpy()
y = df.pop("good_credit").to_numpy().astype(np.float32)
X = df.drop(columns=["personal_status_sex"]).to_numpy().astype(np.float32)

idx_train, idx_test = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=args.seed)
idx_train, idx_val = train_test_split(idx_train, test_size=0.2, stratify=y[idx_train], random_state=args.seed)
scaler = StandardScaler().fit(X[idx_train])


def tensors(idx):
    return (torch.tensor(scaler.transform(X[idx]), dtype=torch.float32),
            torch.tensor(y[idx]), torch.tensor(sensitive[idx], dtype=torch.float32))


train_loader = DataLoader(TensorDataset(*tensors(idx_train)), batch_size=64, shuffle=True)
x_val, y_val, s_val = tensors(idx_val)
x_test, y_test, s_test = tensors(idx_test)

model = nn.Sequential(
    nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
bce = nn.BCEWithLogitsLoss()


def dp_gap(probs, s):
    return (probs[s == 1].mean() - probs[s == 0].mean()).abs()


def score(xs, ys, ss):
    model.eval()
    with torch.no_grad():
        probs = torch.sigmoid(model(xs).squeeze(-1))
    return {
        "loss": bce(torch.logit(probs.clamp(1e-6, 1 - 1e-6)), ys).item(),
        "auc": roc_auc_score(ys.numpy(), probs.numpy()),
        "ap": average_precision_score(ys.numpy(), probs.numpy()),
        "dp_gap": dp_gap(probs, ss).item(),
    }, probs.numpy()


best_val, wait = float("inf"), 0
for epoch in range(args.epochs):
    model.train()
    optimizer.zero_grad()
    for xb, yb, sb in train_loader:
        logits = model(xb).squeeze(-1)
        probs = torch.sigmoid(logits)
        penalty = dp_gap(probs, sb) if 0 < sb.sum() < len(sb) else torch.tensor(0.0)
        loss = bce(logits, yb) + args.lam * penalty
        loss.backward()
        optimizer.step()

    val_metrics, _ = score(x_val, y_val, s_val)
    objective = val_metrics["loss"] + args.lam * val_metrics["dp_gap"]
    print(f"epoch {epoch:3d} val_loss={val_metrics['loss']:.4f} val_auc={val_metrics['auc']:.4f} "
          f"val_dp_gap={val_metrics['dp_gap']:.4f}")
    if objective < best_val:
        best_val, wait = objective, 0
        torch.save(model.state_dict(), "fair_mlp_best.pt")
    else:
        wait += 1
        if wait >= args.patience:
            print("early stop")
            break

model.load_state_dict(torch.load("fair_mlp_best.pt"))
test_metrics, test_probs = score(x_test, y_test, s_test)
baseline = DummyClassifier(strategy="prior").fit(X[idx_train], y[idx_train])
print("test:", {k: round(v, 4) for k, v in test_metrics.items()})
print("baseline AP:", round(average_precision_score(y[idx_test], baseline.predict_proba(X[idx_test])[:, 1]), 4))

_, val_probs = score(x_val, y_val, s_val)
cutoff = float(np.quantile(val_probs, 0.3))
approve = test_probs >= cutoff
for name, m in [("male", s_test.numpy() == 0), ("female", s_test.numpy() == 1)]:
    print(f"{name:6s} approval_rate={approve[m].mean():.3f}")
print("disparate impact (female/male):", round(approve[s_test.numpy() == 1].mean() / approve[s_test.numpy() == 0].mean(), 3))
