"""1D CNN on Paderborn (KAt) motor-current + vibration windows: healthy / outer ring / inner ring.

Windows were cut by prepare_windows.py with the split done per bearing code
(e.g. K001-K004 / KA04,KA15,KA16 / KI04,KI14,KI16 train; K005 / KA22 / KI18 val; K006 / KA30 / KI21 test).
Long windows (16k samples, 3 channels) -> small physical batches, accumulate to an effective batch of 128.
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, TensorDataset

CLASSES = ["healthy", "outer_ring", "inner_ring"]


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_split(path):
    z = np.load(path)
    return TensorDataset(torch.from_numpy(z["x"]).float(), torch.from_numpy(z["y"]).long())


class Net(nn.Module):
    def __init__(self, in_ch=3, n_classes=3):
        super().__init__()
        def block(ci, co, k, s):
            return nn.Sequential(nn.Conv1d(ci, co, k, s, padding=k // 2), nn.BatchNorm1d(co), nn.ReLU(),
                                 nn.MaxPool1d(4))
        self.body = nn.Sequential(block(in_ch, 32, 64, 8), block(32, 64, 9, 1), block(64, 128, 9, 1),
                                  nn.AdaptiveAvgPool1d(1), nn.Flatten())
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.head(self.body(x))


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/paderborn")
    ap.add_argument("--micro-batch", type=int, default=16)
    ap.add_argument("--accum-steps", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    seed_all(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl = DataLoader(load_split(f"{args.data}/windows_train.npz"), batch_size=args.micro_batch, shuffle=True)
    val_dl = DataLoader(load_split(f"{args.data}/windows_val.npz"), batch_size=64)
    test_dl = DataLoader(load_split(f"{args.data}/windows_test.npz"), batch_size=64)

    model = Net().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    crit = nn.CrossEntropyLoss(label_smoothing=0.05)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best_f1 = -1.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl, start=1):
            x, y = x.to(device), y.to(device)
            with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
                loss = crit(model(x), y) / args.accum_steps
            scaler.scale(loss).backward()
            if step % args.accum_steps == 0 or step == len(train_dl):
                scaler.unscale_(opt)
                nn.utils.clip_grad_norm_(model.parameters(), 2.0)
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)

        y_val, p_val = predict(model, val_dl, device)
        f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch:02d} val macro-F1 {f1:.4f}")
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), "cnn_paderborn_best.pt")

    model.load_state_dict(torch.load("cnn_paderborn_best.pt", map_location=device))
    y_test, p_test = predict(model, test_dl, device)
    print(f"best val macro-F1 {best_f1:.4f}")
    print(classification_report(y_test, p_test, target_names=CLASSES, digits=4))


if __name__ == "__main__":
    main()
