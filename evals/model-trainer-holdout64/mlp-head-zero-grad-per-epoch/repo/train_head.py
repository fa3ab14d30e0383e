import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from torch.utils.data import DataLoader, TensorDataset


class RoutingHead(nn.Module):
    def __init__(self, dim, n_classes, hidden=256, dropout=0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(dim, hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x):
        return self.net(x)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def predict(model, X):
    model.eval()
    return model(torch.from_numpy(X)).argmax(1).numpy()


def main(args):
    seed_everything(args.seed)
    blob = np.load(args.embeddings, allow_pickle=True)
    X, labels = blob["emb"], blob["label"]
    enc = LabelEncoder().fit(labels)
    y = enc.transform(labels)

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.125, stratify=y_tmp, random_state=args.seed)

    lr = LogisticRegression(max_iter=3000, random_state=args.seed).fit(X_tr, y_tr)
    lr_pred = lr.predict(X_test)
    print(f"logreg baseline  macro-F1={f1_score(y_test, lr_pred, average='macro'):.4f} "
          f"bal-acc={balanced_accuracy_score(y_test, lr_pred):.4f}")

    model = RoutingHead(X.shape[1], len(enc.classes_))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                        batch_size=args.batch_size, shuffle=True)

    best, patience_left = -1.0, args.patience
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        total = 0.0
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)

        val_f1 = f1_score(y_val, predict(model, X_val), average="macro")
        print(f"epoch {epoch:02d} loss={total / len(X_tr):.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best:
            best, patience_left = val_f1, args.patience
            torch.save(model.state_dict(), args.checkpoint)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(args.checkpoint))
    pred = predict(model, X_test)
    print(f"mlp head         macro-F1={f1_score(y_test, pred, average='macro'):.4f} "
          f"bal-acc={balanced_accuracy_score(y_test, pred):.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--embeddings", default="data/ticket_embeddings.npz")
    ap.add_argument("--checkpoint", default="checkpoints/routing_head.pt")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=3)
    main(ap.parse_args())
