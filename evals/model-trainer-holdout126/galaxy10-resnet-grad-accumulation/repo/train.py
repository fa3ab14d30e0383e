import argparse
import random

import numpy as np
import torch
import torchvision
from torch import nn
from torch.utils.data import DataLoader

from datasets import CLASSES, load_splits


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    correct, total = 0, 0
    for x, y in loader:
        pred = model(x.to(device)).argmax(1).cpu()
        correct += (pred == y).sum().item()
        total += len(y)
    return correct / total


class Trainer:
    def __init__(self, model, train_dl, val_dl, device, lr, accum_steps):
        self.model, self.train_dl, self.val_dl, self.device = model, train_dl, val_dl, device
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
        self.crit = nn.CrossEntropyLoss(label_smoothing=0.05)
        self.accum_steps = accum_steps

    def train_epoch(self):
        self.model.train()
        self.opt.zero_grad()
        running = 0.0
        for step, (x, y) in enumerate(self.train_dl):
            x, y = x.to(self.device), y.to(self.device)
            loss = self.crit(self.model(x), y) / self.accum_steps
            loss.backward()
            running += loss.item()
            if (step + 1) % self.accum_steps == 0:
                nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
                self.opt.step()
        return running * self.accum_steps / len(self.train_dl)

    def fit(self, epochs, ckpt):
        best = 0.0
        for ep in range(epochs):
            loss = self.train_epoch()
            acc = evaluate(self.model, self.val_dl, self.device)
            print(f"epoch {ep:03d}  train loss {loss:.4f}  val acc {acc:.4f}")
            if acc > best:
                best = acc
                torch.save(self.model.state_dict(), ckpt)
        return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--h5", default="data/Galaxy10_DECals.h5")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_ds, val_ds, test_ds = load_splits(args.h5, args.seed)
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=128, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=128, num_workers=4)

    model = torchvision.models.resnet18(num_classes=len(CLASSES)).to(device)
    trainer = Trainer(model, train_dl, val_dl, device, args.lr, args.accum_steps)
    best_val = trainer.fit(args.epochs, "galaxy10_resnet18.pt")

    model.load_state_dict(torch.load("galaxy10_resnet18.pt"))
    print(f"best val acc {best_val:.4f}  test acc {evaluate(model, test_dl, device):.4f}")


if __name__ == "__main__":
    main()
