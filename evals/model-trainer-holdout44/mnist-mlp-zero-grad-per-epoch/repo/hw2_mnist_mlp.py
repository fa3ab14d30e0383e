"""Deep Learning 101 - Homework 2: MLP on MNIST.

Part A trains a softmax-regression baseline, Part B a two-hidden-layer MLP with dropout.
Both use the same training routine with early stopping on a validation split.
"""
import argparse
import copy

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

SEED = 31


def seed_everything(seed=SEED):
    np.random.seed(seed)
    torch.manual_seed(seed)


def get_loaders(batch_size):
    tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_full = datasets.MNIST("data", train=True, download=True, transform=tfm)
    test_set = datasets.MNIST("data", train=False, download=True, transform=tfm)
    train_set, val_set = random_split(train_full, [54000, 6000], generator=torch.Generator().manual_seed(SEED))
    return (DataLoader(train_set, batch_size=batch_size, shuffle=True),
            DataLoader(val_set, batch_size=1024),
            DataLoader(test_set, batch_size=1024))


class SoftmaxRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(28 * 28, 10)

    def forward(self, x):
        return self.linear(x.flatten(1))


class MLP(nn.Module):
    def __init__(self, hidden=(512, 256), p_drop=0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Flatten(),
            nn.Linear(28 * 28, hidden[0]), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden[0], hidden[1]), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden[1], 10),
        )

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def evaluate(model, loader, criterion):
    model.eval()
    loss_sum, correct, n = 0.0, 0, 0
    per_class_correct = torch.zeros(10)
    per_class_total = torch.zeros(10)
    for x, y in loader:
        logits = model(x)
        loss_sum += criterion(logits, y).item() * len(y)
        pred = logits.argmax(1)
        correct += (pred == y).sum().item()
        n += len(y)
        per_class_total += torch.bincount(y, minlength=10)
        per_class_correct += torch.bincount(y[pred == y], minlength=10)
    return loss_sum / n, correct / n, (per_class_correct / per_class_total).min().item()


def fit(model, train_loader, val_loader, epochs, lr, patience, ckpt_path):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    best_loss, best_state, bad_epochs = float("inf"), None, 0

    for epoch in range(epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for x, y in train_loader:
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item()

        val_loss, val_acc, _ = evaluate(model, val_loader, criterion)
        print(f"epoch {epoch + 1:2d}  train_loss={running / len(train_loader):.4f}  "
              f"val_loss={val_loss:.4f}  val_acc={val_acc:.4f}")
        if val_loss < best_loss:
            best_loss, best_state, bad_epochs = val_loss, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, ckpt_path)
        else:
            bad_epochs += 1
            if bad_epochs >= patience:
                print("early stopping")
                break

    model.load_state_dict(best_state)
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--patience", type=int, default=4)
    args = parser.parse_args()

    seed_everything()
    train_loader, val_loader, test_loader = get_loaders(args.batch_size)
    criterion = nn.CrossEntropyLoss()

    results = {}
    for name, model in [("softmax_regression", SoftmaxRegression()), ("mlp", MLP())]:
        print(f"--- {name} ---")
        model = fit(model, train_loader, val_loader, args.epochs, args.lr, args.patience, f"{name}.pt")
        test_loss, test_acc, worst_class_acc = evaluate(model, test_loader, criterion)
        results[name] = (test_loss, test_acc, worst_class_acc)

    for name, (loss, acc, worst) in results.items():
        print(f"{name:<20} test_loss={loss:.4f} test_acc={acc:.4f} worst_class_acc={worst:.4f}")


if __name__ == "__main__":
    main()
