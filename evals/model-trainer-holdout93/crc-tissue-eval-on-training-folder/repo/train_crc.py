"""Nine-class colorectal tissue classifier (NCT-CRC-HE-100K, Macenko-normalised 224px tiles)."""
import argparse
import json
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms as T

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def get_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/NCT-CRC-HE-100K")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--bs", type=int, default=128)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="crc_resnet34.pt")
    return ap.parse_args()


def main():
    args = get_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_tf = T.Compose([
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
        T.RandomApply([T.RandomRotation((90, 90))], p=0.5),
        T.ColorJitter(0.05, 0.05, 0.05, 0.01),
        T.ToTensor(), T.Normalize(MEAN, STD),
    ])
    eval_tf = T.Compose([T.ToTensor(), T.Normalize(MEAN, STD)])

    train_set = datasets.ImageFolder(args.data, transform=train_tf)
    classes = train_set.classes
    train_loader = DataLoader(train_set, batch_size=args.bs, shuffle=True, num_workers=8, pin_memory=True)

    model = models.resnet34(weights=models.ResNet34_Weights.IMAGENET1K_V1)
    model.fc = nn.Linear(model.fc.in_features, len(classes))
    model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    for epoch in range(args.epochs):
        model.train()
        total, correct, loss_sum = 0, 0, 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            out = model(x)
            loss = criterion(out, y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * y.size(0)
            correct += (out.argmax(1) == y).sum().item()
            total += y.size(0)
        scheduler.step()
        print(f"epoch {epoch + 1}/{args.epochs} loss {loss_sum / total:.4f} acc {correct / total:.4f}")

    torch.save(model.state_dict(), args.out)

    eval_set = datasets.ImageFolder(args.data, transform=eval_tf)
    eval_loader = DataLoader(eval_set, batch_size=256, num_workers=8)
    model.eval()
    preds, targets = [], []
    with torch.no_grad():
        for x, y in eval_loader:
            preds.append(model(x.to(device)).argmax(1).cpu())
            targets.append(y)
    y_true, y_pred = torch.cat(targets).numpy(), torch.cat(preds).numpy()
    print(classification_report(y_true, y_pred, target_names=classes, digits=4))
    summary = {
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "cohen_kappa": cohen_kappa_score(y_true, y_pred),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
