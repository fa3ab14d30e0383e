import argparse
import logging
from collections import Counter

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader, random_split

from kws.dataset import MfccClips

log = logging.getLogger("kws")


class DSCNN(nn.Module):
    """Depthwise-separable CNN for keyword spotting (Zhang et al., 2017)."""

    def __init__(self, n_classes, ch=64):
        super().__init__()
        layers = [nn.Conv2d(1, ch, (10, 4), stride=(2, 2), padding=(5, 1)), nn.BatchNorm2d(ch), nn.ReLU()]
        for _ in range(4):
            layers += [nn.Conv2d(ch, ch, 3, padding=1, groups=ch), nn.BatchNorm2d(ch), nn.ReLU(),
                       nn.Conv2d(ch, ch, 1), nn.BatchNorm2d(ch), nn.ReLU()]
        self.body = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2))
        self.fc = nn.Linear(ch, n_classes)

    def forward(self, x):
        return self.fc(self.body(x))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    y_true, y_pred = [], []
    for feats, labels in loader:
        y_pred.append(model(feats.to(device)).argmax(1).cpu().numpy())
        y_true.append(labels.numpy())
    y_true, y_pred = np.concatenate(y_true), np.concatenate(y_pred)
    return {"acc": accuracy_score(y_true, y_pred),
            "balanced_acc": balanced_accuracy_score(y_true, y_pred),
            "macro_f1": f1_score(y_true, y_pred, average="macro")}


def main():
    parser = argparse.ArgumentParser(description="Train DS-CNN keyword spotter")
    parser.add_argument("--root", default="features/kws_clips")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--lr", type=float, default=5e-3)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--save", default="dscnn_best.pt")
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    full = MfccClips(args.root)
    n_val = n_test = int(0.1 * len(full))
    train_set, val_set, test_set = random_split(full, [len(full) - n_val - n_test, n_val, n_test])
    log.info("train %d / val %d / test %d", len(train_set), len(val_set), len(test_set))

    train_dl = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4)
    val_dl = DataLoader(val_set, batch_size=512, num_workers=4)
    test_dl = DataLoader(test_set, batch_size=512, num_workers=4)

    # majority-class baseline
    counts = Counter(full.items[i][1] for i in train_set.indices)
    top = counts.most_common(1)[0][0]
    val_labels = [full.items[i][1] for i in val_set.indices]
    log.info("majority baseline val acc %.3f macro-F1 %.3f",
             accuracy_score(val_labels, [top] * len(val_labels)),
             f1_score(val_labels, [top] * len(val_labels), average="macro"))

    model = DSCNN(len(full.keywords)).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(optim, max_lr=args.lr, epochs=args.epochs,
                                                steps_per_epoch=len(train_dl))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    best, bad = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for feats, labels in train_dl:
            feats, labels = feats.to(device), labels.to(device)
            optim.zero_grad()
            criterion(model(feats), labels).backward()
            optim.step()
            sched.step()
        val = evaluate(model, val_dl, device)
        log.info("epoch %d %s", epoch, val)
        if val["macro_f1"] > best:
            best, bad = val["macro_f1"], 0
            torch.save(model.state_dict(), args.save)
        else:
            bad += 1
            if bad >= args.patience:
                log.info("stopping early")
                break

    model.load_state_dict(torch.load(args.save, map_location=device))
    log.info("test %s", evaluate(model, test_dl, device))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
