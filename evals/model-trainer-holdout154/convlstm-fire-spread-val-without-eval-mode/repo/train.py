import argparse
import random

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from sklearn.metrics import average_precision_score

from data import CHANNELS, FireSequenceDataset
from model import FireSpreadConvLSTM


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def masked_bce(logits, target, pos_weight):
    valid = target >= 0
    return F.binary_cross_entropy_with_logits(
        logits[valid], target[valid], pos_weight=torch.tensor(pos_weight, device=logits.device)
    )


def train_epoch(model, loader, opt, device, pos_weight):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = masked_bce(model(x), y, pos_weight)
        loss.backward()
        opt.step()
        total += loss.item() * x.size(0)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, device, pos_weight):
    losses, probs, labels = [], [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        losses.append(masked_bce(logits, y, pos_weight).item())
        valid = y >= 0
        probs.append(torch.sigmoid(logits[valid]).cpu().numpy())
        labels.append(y[valid].cpu().numpy())
    return float(np.mean(losses)), average_precision_score(np.concatenate(labels), np.concatenate(probs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--pos-weight", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_ds = FireSequenceDataset("data/seq_train.npz")
    val_ds = FireSequenceDataset("data/seq_eval.npz", train_ds.mean, train_ds.std)
    test_ds = FireSequenceDataset("data/seq_test.npz", train_ds.mean, train_ds.std)
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=32)
    test_dl = DataLoader(test_ds, batch_size=32)

    model = FireSpreadConvLSTM(in_ch=len(CHANNELS)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_ap = -1.0
    for epoch in range(1, args.epochs + 1):
        tr_loss = train_epoch(model, train_dl, opt, device, args.pos_weight)
        va_loss, va_ap = evaluate(model, val_dl, device, args.pos_weight)
        print(f"epoch {epoch:02d}  train {tr_loss:.4f}  val {va_loss:.4f}  val AP {va_ap:.4f}")
        if va_ap > best_ap:
            best_ap = va_ap
            torch.save(model.state_dict(), "convlstm_best.pt")

    model.load_state_dict(torch.load("convlstm_best.pt", map_location=device))
    te_loss, te_ap = evaluate(model, test_dl, device, args.pos_weight)
    print(f"test loss {te_loss:.4f}  test AP {te_ap:.4f}")


if __name__ == "__main__":
    main()
