import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from data import ClickstreamDataset
from model import SessionGRU


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device):
    scores, labels = [], []
    with torch.no_grad():
        for pages, events, dwell, lengths, y in loader:
            logits = model(pages.to(device), events.to(device), dwell.to(device), lengths)
            scores.append(torch.sigmoid(logits).cpu().numpy())
            labels.append(y.numpy())
    scores, labels = np.concatenate(scores), np.concatenate(labels)
    return roc_auc_score(labels, scores), average_precision_score(labels, scores)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/tokenised")
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--batch-size", type=int, default=512)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--pos-weight", type=float, default=12.0)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds = ClickstreamDataset(f"{args.data_dir}/train.npz")
    val_ds = ClickstreamDataset(f"{args.data_dir}/val.npz")
    test_ds = ClickstreamDataset(f"{args.data_dir}/test.npz")
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=2)
    val_dl = DataLoader(val_ds, batch_size=2048)
    test_dl = DataLoader(test_ds, batch_size=2048)

    model = SessionGRU(n_page_types=420, n_event_types=36).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(args.pos_weight, device=device))

    best_ap, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for pages, events, dwell, lengths, y in train_dl:
            opt.zero_grad()
            logits = model(pages.to(device), events.to(device), dwell.to(device), lengths)
            loss = loss_fn(logits, y.to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += loss.item() * len(y)
        val_auc, val_ap = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {total / len(train_ds):.4f} val_auc {val_auc:.4f} val_ap {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap = val_ap
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_auc, test_ap = evaluate(model, test_dl, device)
    print(f"TEST auc {test_auc:.4f} ap {test_ap:.4f}")
    torch.save(best_state, "session_gru.pt")


if __name__ == "__main__":
    main()
