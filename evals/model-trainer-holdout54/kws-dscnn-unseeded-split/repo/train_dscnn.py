"""Depthwise-separable CNN keyword spotter (Hello Edge style) on Speech Commands v2, keyword + unknown task."""
import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torchaudio
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from torch.utils.data import DataLoader, random_split
from torchaudio.datasets import SPEECHCOMMANDS

KEYWORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
LABELS = KEYWORDS + ["_unknown_"]


class SubsetSC(SPEECHCOMMANDS):
    def __init__(self, root, subset):
        super().__init__(root, download=True, subset=subset)


class MFCCCollate:
    def __init__(self, sample_rate=16000):
        self.mfcc = torchaudio.transforms.MFCC(
            sample_rate=sample_rate, n_mfcc=10,
            melkwargs={"n_fft": 640, "hop_length": 320, "n_mels": 40})

    def __call__(self, batch):
        waves, targets = [], []
        for wav, _, label, *_ in batch:
            wav = nn.functional.pad(wav, (0, 16000 - wav.shape[-1]))
            waves.append(wav)
            targets.append(LABELS.index(label) if label in KEYWORDS else len(KEYWORDS))
        feats = self.mfcc(torch.stack(waves))
        feats = (feats - feats.mean(dim=(-1, -2), keepdim=True)) / (feats.std(dim=(-1, -2), keepdim=True) + 1e-5)
        return feats, torch.tensor(targets)


def ds_block(ch):
    return nn.Sequential(
        nn.Conv2d(ch, ch, 3, padding=1, groups=ch, bias=False), nn.BatchNorm2d(ch), nn.ReLU(),
        nn.Conv2d(ch, ch, 1, bias=False), nn.BatchNorm2d(ch), nn.ReLU())


class DSCNN(nn.Module):
    def __init__(self, n_classes, ch=64, n_blocks=4):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, ch, (10, 4), stride=(2, 2), padding=(5, 1), bias=False),
                                  nn.BatchNorm2d(ch), nn.ReLU())
        self.blocks = nn.Sequential(*[ds_block(ch) for _ in range(n_blocks)])
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(ch, n_classes))

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    y_true, y_pred = [], []
    for x, y in loader:
        y_pred.append(model(x.to(device)).argmax(1).cpu())
        y_true.append(y)
    return torch.cat(y_true).numpy(), torch.cat(y_pred).numpy()


def main(args):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.backends.cudnn.benchmark = True

    full_train = SubsetSC(args.root, "training")
    n_val = int(0.1 * len(full_train))
    train_set, val_set = random_split(full_train, [len(full_train) - n_val, n_val])
    test_set = SubsetSC(args.root, "testing")

    collate = MFCCCollate()
    train_dl = DataLoader(train_set, batch_size=args.bs, shuffle=True, collate_fn=collate, num_workers=4)
    val_dl = DataLoader(val_set, batch_size=256, collate_fn=collate, num_workers=4)
    test_dl = DataLoader(test_set, batch_size=256, collate_fn=collate, num_workers=4)

    model = DSCNN(len(LABELS)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_acc, patience_left = 0.0, args.patience
    os.makedirs(args.out, exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        scheduler.step()
        yt, yp = evaluate(model, val_dl, device)
        val_acc = accuracy_score(yt, yp)
        print(f"epoch {epoch + 1}: loss {loss.item():.3f} val acc {val_acc:.4f}")
        if val_acc > best_acc:
            best_acc, patience_left = val_acc, args.patience
            torch.save(model.state_dict(), os.path.join(args.out, "dscnn.pt"))
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(os.path.join(args.out, "dscnn.pt")))
    yt, yp = evaluate(model, test_dl, device)
    majority = np.bincount(yt).argmax()
    print(f"test acc {accuracy_score(yt, yp):.4f} | macro-F1 {f1_score(yt, yp, average='macro'):.4f} "
          f"| majority-class acc {np.mean(yt == majority):.4f}")
    print(confusion_matrix(yt, yp))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="./data")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--bs", type=int, default=100)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--out", default="checkpoints")
    main(p.parse_args())
