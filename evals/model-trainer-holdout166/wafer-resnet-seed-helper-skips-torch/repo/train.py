import argparse

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader
from torchvision.models import resnet18

from dataset import WaferMaps
from utils import save_metrics, set_seed

CLASSES = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch"]


def build_model():
    m = resnet18(weights=None, num_classes=len(CLASSES))
    m.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
    m.maxpool = nn.Identity()
    return m


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds = [model(x.to(device)).argmax(1).cpu() for x, _ in loader]
    return torch.cat(preds).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npz", default="data/wm811k_defect_56.npz")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    d = np.load(args.npz, allow_pickle=True)
    maps, labels, lots = d["maps"], d["labels"], d["lot"]
    # 1 of 5 stratified lot-grouped folds as the test split
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    tr, te = next(sgkf.split(maps, labels, groups=lots))

    train_dl = DataLoader(WaferMaps(maps[tr], labels[tr], augment=True), batch_size=128, shuffle=True, num_workers=4)
    test_dl = DataLoader(WaferMaps(maps[te], labels[te]), batch_size=512)

    model = build_model().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4, nesterov=True)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.05, epochs=args.epochs,
                                                    steps_per_epoch=len(train_dl))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            scheduler.step()
        print(f"epoch {epoch + 1}/{args.epochs} last-batch loss {loss.item():.4f}")

    pred = predict(model, test_dl, device)
    report = classification_report(labels[te], pred, target_names=CLASSES, digits=3, output_dict=True)
    print(classification_report(labels[te], pred, target_names=CLASSES, digits=3))
    save_metrics({"macro_f1": f1_score(labels[te], pred, average="macro"), "report": report}, "runs/resnet18_metrics.json")


if __name__ == "__main__":
    main()
