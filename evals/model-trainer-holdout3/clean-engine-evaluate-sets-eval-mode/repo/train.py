import argparse

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from tabnet.engine import evaluate, train_one_epoch
from tabnet.model import ResidualMLP


def loader(X, y, shuffle, seed):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=256, shuffle=shuffle, generator=torch.Generator().manual_seed(seed))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default="data/features.npy")
    ap.add_argument("--labels", default="data/labels.npy")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=60)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    X, y = np.load(args.features), np.load(args.labels)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=args.seed)
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = scaler.transform(X_tr), scaler.transform(X_va), scaler.transform(X_te)

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = ResidualMLP(X.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-2)
    tr_dl, va_dl, te_dl = loader(X_tr, y_tr, True, args.seed), loader(X_va, y_va, False, args.seed), loader(X_te, y_te, False, args.seed)

    best, wait = float("inf"), 0
    for epoch in range(args.epochs):
        tr_loss = train_one_epoch(model, tr_dl, opt, device)
        va_loss, _, _ = evaluate(model, va_dl, device)
        print(f"epoch {epoch} train {tr_loss:.4f} val {va_loss:.4f}")
        if va_loss < best:
            best, wait = va_loss, 0
            torch.save(model.state_dict(), "checkpoint.pt")
        else:
            wait += 1
            if wait >= 6:
                break

    model.load_state_dict(torch.load("checkpoint.pt"))
    _, p, t = evaluate(model, te_dl, device)
    logreg = LogisticRegression(max_iter=1000).fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
    print(f"logistic baseline ROC AUC {roc_auc_score(y_te, logreg):.3f}  PR AUC {average_precision_score(y_te, logreg):.3f}")
    print(f"test ROC AUC {roc_auc_score(t, p):.3f}  PR AUC {average_precision_score(t, p):.3f}")


if __name__ == "__main__":
    main()
