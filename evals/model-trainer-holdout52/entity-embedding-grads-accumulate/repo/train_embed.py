"""Cat-in-the-dat II: entity-embedding network, 5-fold CV."""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import OneHotEncoder
from torch import nn

CAT_COLS = ([f"bin_{i}" for i in range(5)] + [f"nom_{i}" for i in range(10)]
            + [f"ord_{i}" for i in range(6)] + ["day", "month"])


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_vocab(df, cols):
    return {c: {v: i + 1 for i, v in enumerate(df[c].dropna().unique())} for c in cols}


def encode(df, vocab):
    return np.stack([df[c].map(m).fillna(0).astype(np.int64).values for c, m in vocab.items()], axis=1)


class EmbeddingNet(nn.Module):
    def __init__(self, cardinalities, hidden=256, dropout=0.3):
        super().__init__()
        self.embs = nn.ModuleList(
            nn.Embedding(n + 1, min(50, (n + 2) // 2)) for n in cardinalities
        )
        emb_dim = sum(e.embedding_dim for e in self.embs)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Sequential(
            nn.Linear(emb_dim, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        z = torch.cat([emb(x[:, i]) for i, emb in enumerate(self.embs)], dim=1)
        return self.head(self.drop(z)).squeeze(1)


@torch.no_grad()
def predict(model, X, device, batch_size=8192):
    model.eval()
    out = []
    for i in range(0, len(X), batch_size):
        xb = torch.from_numpy(X[i:i + batch_size]).to(device)
        out.append(torch.sigmoid(model(xb)).cpu().numpy())
    return np.concatenate(out)


def fit_fold(X_tr, y_tr, X_va, y_va, cards, args, ckpt, device):
    model = EmbeddingNet(cards).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.BCEWithLogitsLoss()
    Xt = torch.from_numpy(X_tr)
    yt = torch.from_numpy(y_tr.astype(np.float32))
    best_auc, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        perm = torch.randperm(len(Xt))
        opt.zero_grad()
        for i in range(0, len(Xt), args.batch_size):
            idx = perm[i:i + args.batch_size]
            xb, yb = Xt[idx].to(device), yt[idx].to(device)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        va_auc = roc_auc_score(y_va, predict(model, X_va, device))
        print(f"  epoch {epoch}: val auc {va_auc:.5f}")
        if va_auc > best_auc:
            best_auc, wait = va_auc, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break
    model.load_state_dict(torch.load(ckpt, map_location=device))
    return model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="input/cat-in-the-dat-ii")
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--patience", type=int, default=3)
    p.add_argument("--seed", type=int, default=2020)
    args = p.parse_args()
    seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train = pd.read_csv(Path(args.data) / "train.csv")
    test = pd.read_csv(Path(args.data) / "test.csv")
    y = train["target"].values
    Path("ckpt").mkdir(exist_ok=True)

    oof, oof_lr = np.zeros(len(train)), np.zeros(len(train))
    test_pred = np.zeros(len(test))
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    for fold, (tr, va) in enumerate(skf.split(train, y)):
        df_tr, df_va = train.iloc[tr], train.iloc[va]
        ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=20)
        lr = LogisticRegression(C=0.1, max_iter=1000)
        lr.fit(ohe.fit_transform(df_tr[CAT_COLS].astype(str)), y[tr])
        oof_lr[va] = lr.predict_proba(ohe.transform(df_va[CAT_COLS].astype(str)))[:, 1]

        vocab = build_vocab(df_tr, CAT_COLS)
        cards = [len(vocab[c]) for c in CAT_COLS]
        X_tr, X_va = encode(df_tr, vocab), encode(df_va, vocab)
        model = fit_fold(X_tr, y[tr], X_va, y[va], cards, args, f"ckpt/fold{fold}.pt", device)
        oof[va] = predict(model, X_va, device)
        test_pred += predict(model, encode(test, vocab), device) / 5
        print(f"fold {fold}: nn auc {roc_auc_score(y[va], oof[va]):.5f} "
              f"logreg auc {roc_auc_score(y[va], oof_lr[va]):.5f}")

    for name, o in (("logreg", oof_lr), ("embed-nn", oof)):
        print(f"{name:9s} AUC {roc_auc_score(y, o):.5f} logloss {log_loss(y, o):.5f}")
    pd.DataFrame({"id": test["id"], "target": test_pred}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
