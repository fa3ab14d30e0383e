"""Character-level LSTM for DGA domain detection (benign: Tranco top sites, malicious: DGArchive feeds)."""
import argparse
import random
import string

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

VOCAB = {c: i + 1 for i, c in enumerate(string.ascii_lowercase + string.digits + "-._")}
MAX_LEN = 64


def encode(domain: str) -> list:
    ids = [VOCAB.get(c, len(VOCAB) + 1) for c in domain.lower()[:MAX_LEN]]
    return ids + [0] * (MAX_LEN - len(ids))


class DGAClassifier(nn.Module):
    def __init__(self, vocab_size, emb=48, hidden=128):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(0.3)
        self.out = nn.Linear(2 * hidden, 1)

    def forward(self, x):
        h, _ = self.lstm(self.emb(x))
        mask = (x != 0).unsqueeze(-1).float()
        pooled = (h * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.out(self.drop(pooled)).squeeze(-1)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    scores, ys = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb.to(device))).cpu())
        ys.append(yb)
    return torch.cat(scores).numpy(), torch.cat(ys).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/dga_domains.csv")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.data)  # columns: domain, class (legit/dga), family
    df["domain"] = df["domain"].str.replace(r"^www\.", "", regex=True)
    X = np.array([encode(d) for d in df["domain"]], dtype=np.int64)
    y = (df["class"] == "dga").astype(np.float32).values

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.1, stratify=y_tr,
                                              random_state=args.seed)
    mk = lambda a, b, sh: DataLoader(TensorDataset(torch.from_numpy(a), torch.from_numpy(b)),
                                     batch_size=args.batch_size, shuffle=sh)
    train_dl, val_dl, test_dl = mk(X_tr, y_tr, True), mk(X_va, y_va, False), mk(X_te, y_te, False)

    model = DGAClassifier(len(VOCAB) + 2).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.BCEWithLogitsLoss()

    best_auc, best_state = 0.0, None
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        for step, (xb, yb) in enumerate(train_dl):
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()

        val_scores, val_y = predict(model, val_dl, device)
        val_auc = roc_auc_score(val_y, val_scores)
        print(f"epoch {epoch + 1}: val AUC {val_auc:.4f}")
        if val_auc > best_auc:
            best_auc = val_auc
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    te_scores, te_y = predict(model, test_dl, device)
    print(f"test AUC {roc_auc_score(te_y, te_scores):.4f}  "
          f"F1@0.5 {f1_score(te_y, (te_scores > 0.5).astype(int)):.4f}")
    torch.save(model.state_dict(), "dga_lstm.pt")


if __name__ == "__main__":
    main()
