import argparse
import random

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from tqdm import tqdm

from data import DKTDataset, load_sequences
from model import DKT


def evaluate(model, loader, device):
    model.eval()
    preds, labels = [], []
    with torch.no_grad():
        for x, q, y, m in loader:
            x, q = x.to(device), q.to(device)
            p = torch.sigmoid(model(x, q)).cpu()
            mask = m.bool()
            preds.append(p[mask].numpy())
            labels.append(y[mask].numpy())
    return roc_auc_score(np.concatenate(labels), np.concatenate(preds))


def main(cfg):
    seed = cfg["train"]["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    dc = cfg["data"]
    by_user, n_skills = load_sequences(dc["path"], dc["min_interactions"], dc["max_seq_len"])
    # split by student so no student's windows end up on both sides
    train_users, test_users = train_test_split(sorted(by_user), test_size=dc["test_frac"], random_state=seed)
    train_seqs = [w for u in train_users for w in by_user[u]]
    test_seqs = [w for u in test_users for w in by_user[u]]
    print(f"{n_skills} skills, {len(train_seqs)} train / {len(test_seqs)} test sequences")

    tc = cfg["train"]
    train_loader = DataLoader(DKTDataset(train_seqs, n_skills, dc["max_seq_len"]),
                              batch_size=tc["batch_size"], shuffle=True)
    test_loader = DataLoader(DKTDataset(test_seqs, n_skills, dc["max_seq_len"]),
                             batch_size=tc["batch_size"] * 2)

    model = DKT(n_skills, **cfg["model"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tc["lr"])

    for epoch in range(1, tc["epochs"] + 1):
        model.train()
        optimizer.zero_grad()
        total, n = 0.0, 0
        for x, q, y, m in tqdm(train_loader, desc=f"epoch {epoch}", leave=False):
            x, q, y, m = x.to(device), q.to(device), y.to(device), m.to(device)
            logits = model(x, q)
            loss = (F.binary_cross_entropy_with_logits(logits, y, reduction="none") * m).sum() / m.sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), tc["grad_clip"])
            optimizer.step()
            total += loss.item() * x.size(0)
            n += x.size(0)
        print(f"epoch {epoch:02d}  train_loss={total / n:.4f}")

    auc = evaluate(model, test_loader, device)
    print(f"held-out student AUC: {auc:.4f}")
    torch.save(model.state_dict(), "dkt_assist09.pt")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
