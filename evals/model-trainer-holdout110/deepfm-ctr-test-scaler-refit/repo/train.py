"""DeepFM click model for the search-results "sponsored products" slots."""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from model import DeepFM
from preprocess import CAT_COLS, NUM_COLS, encode_categoricals, encode_numeric, fit_vocab

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/sponsored_impressions.parquet")
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--seed", type=int, default=7)
args = p.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(args.data)
df["price_log"] = np.log1p(df["price"])
df["date"] = pd.to_datetime(df["impression_ts"]).dt.normalize()
days = np.sort(df["date"].unique())
train_df = df[df["date"] < days[-2]]
valid_df = df[df["date"] == days[-2]]
test_df = df[df["date"] == days[-1]]

vocabs = fit_vocab(train_df, CAT_COLS)
Xc_tr = encode_categoricals(train_df, vocabs)
Xc_va = encode_categoricals(valid_df, vocabs)
Xc_te = encode_categoricals(test_df, vocabs)
Xn_tr, scaler = encode_numeric(train_df, NUM_COLS)
Xn_va, _ = encode_numeric(valid_df, NUM_COLS, scaler)
Xn_te, _ = encode_numeric(test_df, NUM_COLS)


def loader(xc, xn, y, shuffle):
    ds = TensorDataset(torch.from_numpy(xc), torch.from_numpy(xn), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=2048, shuffle=shuffle)


train_dl = loader(Xc_tr, Xn_tr, train_df["clicked"].to_numpy(), True)
valid_dl = loader(Xc_va, Xn_va, valid_df["clicked"].to_numpy(), False)
test_dl = loader(Xc_te, Xn_te, test_df["clicked"].to_numpy(), False)


@torch.no_grad()
def predict(model, dl):
    model.eval()
    out = [torch.sigmoid(model(xc.to(device), xn.to(device))).cpu() for xc, xn, _ in dl]
    return torch.cat(out).numpy()


model = DeepFM([len(vocabs[c]) + 1 for c in CAT_COLS], len(NUM_COLS)).to(device)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
loss_fn = nn.BCEWithLogitsLoss()

best_auc = 0.0
for epoch in range(args.epochs):
    model.train()
    for xc, xn, y in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xc.to(device), xn.to(device)), y.to(device))
        loss.backward()
        opt.step()
    val_auc = roc_auc_score(valid_df["clicked"], predict(model, valid_dl))
    print(f"epoch {epoch} valid AUC {val_auc:.4f}")
    if val_auc > best_auc:
        best_auc = val_auc
        torch.save(model.state_dict(), "deepfm_best.pt")

model.load_state_dict(torch.load("deepfm_best.pt"))
p_test = predict(model, test_dl)
print(f"test AUC {roc_auc_score(test_df['clicked'], p_test):.4f}  logloss {log_loss(test_df['clicked'], p_test):.4f}")
