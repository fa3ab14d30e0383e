"""Entity-embedding network for Lending Club default prediction."""
import json
import os

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

with open("config.json") as f:
    CFG = json.load(f)

torch.manual_seed(CFG["seed"])
np.random.seed(CFG["seed"])


class EmbeddingNet(nn.Module):
    def __init__(self, cardinalities, n_numeric, emb_dropout=0.1):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c + 1, min(50, (c + 1) // 2 + 1)) for c in cardinalities])
        emb_dim = sum(e.embedding_dim for e in self.embs)
        self.emb_drop = nn.Dropout(emb_dropout)
        self.head = nn.Sequential(
            nn.Linear(emb_dim + n_numeric, 256), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(256, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 1),
        )

    def forward(self, x_cat, x_num):
        emb = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embs)], dim=1)
        return self.head(torch.cat([self.emb_drop(emb), x_num], dim=1)).squeeze(1)


def encode(train_df, other_dfs, cat_cols, num_cols):
    vocabs = {c: {v: i + 1 for i, v in enumerate(train_df[c].astype(str).unique())} for c in cat_cols}
    medians = train_df[num_cols].median()
    scaler = StandardScaler().fit(train_df[num_cols].fillna(medians))

    def transform(df):
        cats = np.stack([df[c].astype(str).map(vocabs[c]).fillna(0).astype(int).values for c in cat_cols], 1)
        nums = scaler.transform(df[num_cols].fillna(medians)).astype(np.float32)
        return torch.tensor(cats), torch.tensor(nums)

    return [transform(train_df)] + [transform(d) for d in other_dfs], [len(vocabs[c]) for c in cat_cols]


@torch.no_grad()
def predict(model, x_cat, x_num):
    model.eval()
    return torch.sigmoid(model(x_cat, x_num)).numpy()


def main():
    df = pd.read_parquet(CFG["data_path"])
    cat_cols, num_cols, target = CFG["categorical"], CFG["numeric"], CFG["target"]

    dev, test = train_test_split(df, test_size=0.15, stratify=df[target], random_state=CFG["seed"])
    train, valid = train_test_split(dev, test_size=0.15, stratify=dev[target], random_state=CFG["seed"])
    (tr, va, te), cards = encode(train, [valid, test], cat_cols, num_cols)
    y_tr, y_va, y_te = (torch.tensor(d[target].values, dtype=torch.float32) for d in (train, valid, test))

    loader = DataLoader(TensorDataset(tr[0], tr[1], y_tr), batch_size=CFG["batch_size"], shuffle=True)
    model = EmbeddingNet(cards, len(num_cols), CFG["emb_dropout"])
    optimizer = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    loss_fn = nn.BCEWithLogitsLoss()

    os.makedirs(os.path.dirname(CFG["out"]), exist_ok=True)
    best, wait = 0.0, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        optimizer.zero_grad()
        total = 0.0
        for xc, xn, yb in loader:
            loss = loss_fn(model(xc, xn), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(yb)
        val_auc = roc_auc_score(y_va.numpy(), predict(model, *va))
        print(f"epoch {epoch:02d} loss {total / len(y_tr):.4f} val AUC {val_auc:.4f}")
        if val_auc > best:
            best, wait = val_auc, 0
            torch.save(model.state_dict(), CFG["out"])
        else:
            wait += 1
            if wait >= CFG["patience"]:
                break

    model.load_state_dict(torch.load(CFG["out"]))
    p_nn = predict(model, *te)
    base = LogisticRegression(max_iter=3000).fit(tr[1].numpy(), y_tr.numpy())
    p_base = base.predict_proba(te[1].numpy())[:, 1]
    for name, p in [("logreg(numeric)", p_base), ("embedding net", p_nn)]:
        print(f"{name:>16}: AUC {roc_auc_score(y_te.numpy(), p):.4f}  "
              f"PR-AUC {average_precision_score(y_te.numpy(), p):.4f}")


if __name__ == "__main__":
    main()
