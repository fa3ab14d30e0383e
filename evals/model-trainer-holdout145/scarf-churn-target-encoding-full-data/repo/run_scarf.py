import argparse
import random

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from features import TARGET, TE_COLS, add_target_encoding, load_telco, make_preprocessor
from scarf import SCARF, info_nce

ap = argparse.ArgumentParser()
ap.add_argument("--csv", default="data/WA_Fn-UseC_-Telco-Customer-Churn.csv")
ap.add_argument("--epochs", type=int, default=200)
ap.add_argument("--seed", type=int, default=11)
args = ap.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)

df = load_telco(args.csv)
df = add_target_encoding(df, TE_COLS)

train_df, test_df = train_test_split(df, test_size=0.25, stratify=df[TARGET], random_state=args.seed)
pre = make_preprocessor()
X_tr = pre.fit_transform(train_df).astype(np.float32)
X_te = pre.transform(test_df).astype(np.float32)
y_tr, y_te = train_df[TARGET].to_numpy(), test_df[TARGET].to_numpy()

# --- SCARF pre-training ---
x_tr_t = torch.from_numpy(X_tr)
model = SCARF(X_tr.shape[1], marginals=x_tr_t)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = DataLoader(TensorDataset(x_tr_t), batch_size=128, shuffle=True, drop_last=True)
for epoch in range(args.epochs):
    model.train()
    epoch_loss = 0.0
    for (xb,) in loader:
        z, z_corrupt = model(xb)
        loss = info_nce(z, z_corrupt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        epoch_loss += loss.item()
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  info_nce {epoch_loss / len(loader):.4f}")

# --- linear probe on frozen embeddings ---
model.eval()
with torch.no_grad():
    E_tr = model.encoder(x_tr_t).numpy()
    E_te = model.encoder(torch.from_numpy(X_te)).numpy()

probe = LogisticRegression(max_iter=2000, C=0.5)
probe.fit(E_tr, y_tr)
p_te = probe.predict_proba(E_te)[:, 1]
print(f"SCARF probe  ROC-AUC {roc_auc_score(y_te, p_te):.4f}  PR-AUC {average_precision_score(y_te, p_te):.4f}")
