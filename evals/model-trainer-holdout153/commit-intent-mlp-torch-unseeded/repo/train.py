"""Commit maintenance-activity classification (Levin & Yehudai labels) from commit messages
plus change statistics: TF-IDF over the message + a small MLP."""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from utils import LABELS, get_logger, save_json, set_seed

CHANGE_COLS = ["files_changed", "lines_added", "lines_deleted", "test_files_changed"]


class MLP(nn.Module):
    def __init__(self, d_in, n_classes, hidden=256, p=0.4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(p),
                                 nn.Linear(hidden, n_classes))

    def forward(self, x):
        return self.net(x)


def to_tensor(m):
    return torch.tensor(m.toarray(), dtype=torch.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/labeled_commits.csv")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--out", default="out/mlp_metrics.json")
    args = ap.parse_args()
    set_seed(args.seed)
    log = get_logger()

    df = pd.read_csv(args.data).dropna(subset=["message"])
    df["y"] = df["label"].map({l: i for i, l in enumerate(LABELS)})
    df[CHANGE_COLS] = np.log1p(df[CHANGE_COLS])
    tr, te = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=args.seed)
    tr, va = train_test_split(tr, test_size=0.15, stratify=tr["y"], random_state=args.seed)

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=8000, sublinear_tf=True)
    scaler = StandardScaler()
    def feats(d, fit=False):
        text = tfidf.fit_transform(d["message"]) if fit else tfidf.transform(d["message"])
        num = scaler.fit_transform(d[CHANGE_COLS]) if fit else scaler.transform(d[CHANGE_COLS])
        return to_tensor(hstack([text, num]).tocsr())
    X_tr, X_va, X_te = feats(tr, fit=True), feats(va), feats(te)
    y_tr, y_va, y_te = (torch.tensor(d["y"].values) for d in (tr, va, te))

    loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=64, shuffle=True)
    model = MLP(X_tr.shape[1], len(LABELS))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.CrossEntropyLoss()

    best_f1, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            va_pred = model(X_va).argmax(1).numpy()
        va_f1 = f1_score(y_va.numpy(), va_pred, average="macro")
        log.info("epoch %d  val macro-F1 %.4f", epoch + 1, va_f1)
        if va_f1 > best_f1:
            best_f1, best_state = va_f1, {k: v.clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    model.eval()
    with torch.no_grad():
        te_pred = model(X_te).argmax(1).numpy()
    print(classification_report(y_te.numpy(), te_pred, target_names=LABELS, digits=3))
    save_json({"val_macro_f1": best_f1,
               "test_macro_f1": f1_score(y_te.numpy(), te_pred, average="macro")}, args.out)


if __name__ == "__main__":
    main()
