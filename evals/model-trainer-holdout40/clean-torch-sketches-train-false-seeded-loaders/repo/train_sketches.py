"""28x28 grayscale sketch classifier (10 classes).

data/sketches_train.npz and data/sketches_test.npz come from the official split.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, Dataset


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", type=Path, default=Path("data"))
    p.add_argument("--out", type=Path, default=Path("checkpoints"))
    p.add_argument("--seed", type=int, default=31337)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--patience", type=int, default=7)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--val-frac", type=float, default=0.1)
    return p.parse_args()


def worker_seed(worker_id):
    s = torch.initial_seed() % 2 ** 32
    np.random.seed(s)
    random.seed(s)


class Sketches(Dataset):
    def __init__(self, images, labels, mean, std, augment):
        self.x = torch.from_numpy(images).float().div(255.0).unsqueeze(1)
        self.y = torch.from_numpy(labels).long()
        self.mean, self.std, self.augment = mean, std, augment

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.x[i]
        if self.augment:
            if random.random() < 0.5:
                x = torch.flip(x, dims=[2])
            dx, dy = random.randint(-2, 2), random.randint(-2, 2)
            x = torch.roll(x, shifts=(dy, dx), dims=(1, 2))
        return (x - self.mean) / self.std, self.y[i]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, 3, padding=1)
        self.b1 = nn.BatchNorm2d(32)
        self.c2 = nn.Conv2d(32, 64, 3, padding=1)
        self.b2 = nn.BatchNorm2d(64)
        self.drop = nn.Dropout(0.3)
        self.fc = nn.Linear(64 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.b1(self.c1(x))), 2)
        x = F.max_pool2d(F.relu(self.b2(self.c2(x))), 2)
        return self.fc(self.drop(x.flatten(1)))


@torch.no_grad()
def run_eval(model, loader, device):
    model.train(False)
    preds, gold, loss = [], [], 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss += F.cross_entropy(logits, y, reduction="sum").item()
        preds.append(logits.argmax(1).cpu())
        gold.append(y.cpu())
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return {"loss": loss / len(gold), "acc": accuracy_score(gold, preds),
            "macro_f1": f1_score(gold, preds, average="macro")}


def main():
    args = parse()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    args.out.mkdir(parents=True, exist_ok=True)

    tr = np.load(args.data_dir / "sketches_train.npz")
    te = np.load(args.data_dir / "sketches_test.npz")
    images, labels = tr["images"], tr["labels"]

    perm = np.random.default_rng(args.seed).permutation(len(labels))
    n_val = int(len(labels) * args.val_frac)
    val_idx, fit_idx = perm[:n_val], perm[n_val:]
    mean = float(images[fit_idx].mean() / 255.0)
    std = float(images[fit_idx].std() / 255.0)

    gen = torch.Generator().manual_seed(args.seed)
    loader_kw = dict(batch_size=args.batch_size, num_workers=2, worker_init_fn=worker_seed)
    fit_dl = DataLoader(Sketches(images[fit_idx], labels[fit_idx], mean, std, augment=True),
                        shuffle=True, generator=gen, **loader_kw)
    val_dl = DataLoader(Sketches(images[val_idx], labels[val_idx], mean, std, augment=False), **loader_kw)
    test_dl = DataLoader(Sketches(te["images"], te["labels"], mean, std, augment=False), **loader_kw)

    model = Net().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=args.epochs * len(fit_dl))

    best, since_best = float("inf"), 0
    for epoch in range(args.epochs):
        model.train(True)
        for x, y in fit_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(x), y).backward()
            opt.step()
            sched.step()
        val = run_eval(model, val_dl, device)
        print(f"epoch {epoch:02d} val loss {val['loss']:.4f} acc {val['acc']:.4f} f1 {val['macro_f1']:.4f}")
        if val["loss"] < best:
            best, since_best = val["loss"], 0
            torch.save(model.state_dict(), args.out / "sketch_cnn_best.pt")
        else:
            since_best += 1
            if since_best >= args.patience:
                break

    model.load_state_dict(torch.load(args.out / "sketch_cnn_best.pt", map_location=device))
    test = run_eval(model, test_dl, device)
    majority = np.bincount(labels[fit_idx]).argmax()
    test["majority_acc"] = float(np.mean(te["labels"] == majority))
    test["majority_macro_f1"] = float(f1_score(te["labels"], np.full_like(te["labels"], majority), average="macro"))
    (args.out / "test_metrics.json").write_text(json.dumps(test, indent=2, default=float))
    print(test)


if __name__ == "__main__":
    main()
