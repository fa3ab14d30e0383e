import argparse

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 8 * 8, 10))

    def forward(self, x):
        return self.head(self.features(x))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    correct = total = 0
    loss = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        out = model(x)
        loss += F.cross_entropy(out, y, reduction="sum").item()
        correct += (out.argmax(1) == y).sum().item()
        total += y.numel()
    return correct / total, loss / total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--patience", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    norm = transforms.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616))
    train_tf = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), transforms.ToTensor(), norm])
    eval_tf = transforms.Compose([transforms.ToTensor(), norm])
    perm = torch.randperm(50000, generator=torch.Generator().manual_seed(args.seed)).tolist()
    train_idx, val_idx = perm[:45000], perm[45000:]
    train_set = Subset(datasets.CIFAR10("data", train=True, download=True, transform=train_tf), train_idx)
    val_set = Subset(datasets.CIFAR10("data", train=True, download=True, transform=eval_tf), val_idx)
    test_set = datasets.CIFAR10("data", train=False, download=True, transform=eval_tf)
    train_loader = DataLoader(train_set, batch_size=128, shuffle=True, num_workers=2)
    val_loader = DataLoader(val_set, batch_size=256, num_workers=2)
    test_loader = DataLoader(test_set, batch_size=256, num_workers=2)

    model = SmallCNN().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)

    best_acc, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_loader:
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x.to(device)), y.to(device))
            loss.backward()
            optimizer.step()
        scheduler.step()

        val_acc, val_loss = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: val acc {val_acc:.4f} val loss {val_loss:.4f}")
        if val_acc > best_acc:
            best_acc, stale = val_acc, 0
            torch.save(model.state_dict(), "cifar_best.pt")
        elif (stale := stale + 1) >= args.patience:
            break

    model.load_state_dict(torch.load("cifar_best.pt"))
    test_acc, test_loss = evaluate(model, test_loader, device)
    print(f"best val acc {best_acc:.4f} | test acc {test_acc:.4f} test loss {test_loss:.4f} | chance 0.1000")


if __name__ == "__main__":
    main()
