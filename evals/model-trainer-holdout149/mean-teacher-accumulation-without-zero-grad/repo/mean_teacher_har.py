"""Mean Teacher on UCI-HAR with 5% of the training windows labeled.

Usage:
    python mean_teacher_har.py --label-frac 0.05 --epochs 60
"""
import argparse
import copy
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

ACTIVITIES = ["WALKING", "WALKING_UPSTAIRS", "WALKING_DOWNSTAIRS", "SITTING", "STANDING", "LAYING"]


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/UCI HAR Dataset")
    p.add_argument("--label-frac", type=float, default=0.05)
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--accum-steps", type=int, default=4)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--ema-decay", type=float, default=0.99)
    p.add_argument("--cons-weight", type=float, default=10.0)
    p.add_argument("--rampup-epochs", type=int, default=15)
    p.add_argument("--noise-std", type=float, default=0.15)
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def load_split(root, split):
    X = pd.read_csv(f"{root}/{split}/X_{split}.txt", sep=r"\s+", header=None).to_numpy(np.float32)
    y = pd.read_csv(f"{root}/{split}/y_{split}.txt", header=None)[0].to_numpy() - 1
    subj = pd.read_csv(f"{root}/{split}/subject_{split}.txt", header=None)[0].to_numpy()
    return X, y, subj


class MLP(nn.Module):
    def __init__(self, d_in, n_cls, hidden=256, p=0.3):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, n_cls),
        )

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def update_ema(student, teacher, decay, step):
    decay = min(1 - 1 / (step + 1), decay)
    for t, s in zip(teacher.parameters(), student.parameters()):
        t.mul_(decay).add_(s, alpha=1 - decay)
    for tb, sb in zip(teacher.buffers(), student.buffers()):
        tb.copy_(sb)


def sigmoid_rampup(epoch, length):
    if length == 0:
        return 1.0
    t = np.clip(epoch / length, 0.0, 1.0)
    return float(np.exp(-5.0 * (1.0 - t) ** 2))


@torch.no_grad()
def macro_f1(model, X, y):
    model.eval()
    pred = model(X).argmax(1).cpu().numpy()
    return f1_score(y, pred, average="macro")


def infinite(loader):
    while True:
        yield from loader


def main():
    args = get_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    X_tr, y_tr, subj_tr = load_split(args.root, "train")
    X_te, y_te, _ = load_split(args.root, "test")

    # hold out 3 training subjects for validation (test subjects are disjoint by design)
    val_subj = np.random.choice(np.unique(subj_tr), size=3, replace=False)
    is_val = np.isin(subj_tr, val_subj)
    X_val, y_val = X_tr[is_val], y_tr[is_val]
    X_tr, y_tr = X_tr[~is_val], y_tr[~is_val]

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_val, X_te = (scaler.transform(a).astype(np.float32) for a in (X_tr, X_val, X_te))

    lab = np.random.rand(len(X_tr)) < args.label_frac
    print(f"labeled windows: {lab.sum()} / {len(X_tr)}")
    lab_loader = DataLoader(TensorDataset(torch.from_numpy(X_tr[lab]), torch.from_numpy(y_tr[lab])),
                            batch_size=args.batch_size, shuffle=True, drop_last=True)
    unl_loader = DataLoader(TensorDataset(torch.from_numpy(X_tr[~lab])),
                            batch_size=args.batch_size * 4, shuffle=True, drop_last=True)

    student = MLP(X_tr.shape[1], len(ACTIVITIES))
    teacher = copy.deepcopy(student)
    for p in teacher.parameters():
        p.requires_grad_(False)
    optimizer = torch.optim.Adam(student.parameters(), lr=args.lr)

    X_val_t, X_te_t = torch.from_numpy(X_val), torch.from_numpy(X_te)
    unl_iter = infinite(unl_loader)
    global_step, best_f1, best_state = 0, -1.0, None
    for epoch in range(args.epochs):
        student.train()
        teacher.train()
        w = args.cons_weight * sigmoid_rampup(epoch, args.rampup_epochs)
        for step, (xb, yb) in enumerate(lab_loader):
            (xu,) = next(unl_iter)
            x_all = torch.cat([xb, xu])
            s_logits = student(x_all + args.noise_std * torch.randn_like(x_all))
            with torch.no_grad():
                t_logits = teacher(x_all + args.noise_std * torch.randn_like(x_all))

            sup = F.cross_entropy(s_logits[: len(xb)], yb)
            cons = F.mse_loss(F.softmax(s_logits, 1), F.softmax(t_logits, 1))
            loss = (sup + w * cons) / args.accum_steps
            loss.backward()

            if (step + 1) % args.accum_steps == 0:
                optimizer.step()
                global_step += 1
                update_ema(student, teacher, args.ema_decay, global_step)

        val_f1 = macro_f1(teacher, X_val_t, y_val)
        print(f"epoch {epoch:02d}  sup={sup.item():.3f}  cons={cons.item():.4f}  val macro-F1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, best_state = val_f1, copy.deepcopy(teacher.state_dict())

    teacher.load_state_dict(best_state)
    print(f"teacher (best val {best_f1:.4f}) test macro-F1: {macro_f1(teacher, X_te_t, y_te):.4f}")


if __name__ == "__main__":
    main()
