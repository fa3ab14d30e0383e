"""Linear-probe style classifier: frozen SciBERT mean-pooled embeddings -> small MLP.

Labels are the 10 largest cs.* primary categories. Embeddings are cached in emb_cache/.
"""
import os

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from transformers import AutoModel, AutoTokenizer

MODEL = "allenai/scibert_scivocab_uncased"
CACHE = "emb_cache/scibert_meanpool.npy"
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


@torch.inference_mode()
def embed(texts, batch_size=64):
    tok = AutoTokenizer.from_pretrained(MODEL)
    enc_model = AutoModel.from_pretrained(MODEL).to(DEVICE).eval()
    out = []
    for i in range(0, len(texts), batch_size):
        batch = tok(texts[i:i + batch_size], padding=True, truncation=True, max_length=256, return_tensors="pt").to(DEVICE)
        hidden = enc_model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        out.append(((hidden * mask).sum(1) / mask.sum(1)).cpu().numpy())
    return np.vstack(out)


def run_epoch_eval(head, loader):
    head.eval()
    preds, golds = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(head(xb.to(DEVICE)).argmax(1).cpu())
            golds.append(yb)
    return torch.cat(golds).numpy(), torch.cat(preds).numpy()


def main():
    df = pd.read_csv("data/arxiv_cs_top10.csv")  # id, title, abstract, label
    texts = (df["title"] + ". " + df["abstract"]).tolist()
    if os.path.exists(CACHE):
        X = np.load(CACHE)
    else:
        X = embed(texts)
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        np.save(CACHE, X)
    classes = sorted(df["label"].unique())
    y = df["label"].map({c: i for i, c in enumerate(classes)}).to_numpy()

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=42)
    X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=42)

    to_ds = lambda a, b: TensorDataset(torch.tensor(a, dtype=torch.float32), torch.tensor(b))
    train_dl = DataLoader(to_ds(X_train, y_train), batch_size=128, shuffle=True)
    val_dl = DataLoader(to_ds(X_val, y_val), batch_size=512)
    test_dl = DataLoader(to_ds(X_test, y_test), batch_size=512)

    head = nn.Sequential(
        nn.Linear(X.shape[1], 256),
        nn.ReLU(),
        nn.Dropout(0.2),
        nn.Linear(256, len(classes)),
    ).to(DEVICE)
    opt = torch.optim.Adam(head.parameters(), lr=5e-4)
    loss_fn = nn.CrossEntropyLoss()

    best_f1, best_state = 0.0, None
    for epoch in range(30):
        head.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(DEVICE), yb.to(DEVICE)
            opt.zero_grad()
            loss = loss_fn(head(xb), yb)
            loss.backward()
            opt.step()
        g, p = run_epoch_eval(head, val_dl)
        f1 = f1_score(g, p, average="macro")
        if f1 > best_f1:
            best_f1, best_state = f1, {k: v.clone() for k, v in head.state_dict().items()}
        print(f"epoch {epoch:02d} val macro-F1 {f1:.4f}")

    head.load_state_dict(best_state)
    g, p = run_epoch_eval(head, test_dl)
    print(classification_report(g, p, target_names=classes, digits=3))
    torch.save(head.state_dict(), "scibert_head.pt")


if __name__ == "__main__":
    main()
