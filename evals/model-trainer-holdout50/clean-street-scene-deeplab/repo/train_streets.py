"""Street-scene semantic segmentation (8 coarse classes) with torchvision DeepLabV3-ResNet50.

Frames come from dash-cam drives in 14 cities; whole cities are held out for validation and test.
"""
import json
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset
from torchvision.models.segmentation import DeepLabV3_ResNet50_Weights, deeplabv3_resnet50

SEED = 606
CLASSES = ["road", "sidewalk", "building", "vegetation", "sky", "vehicle", "person", "other"]
IGNORE = 255
IMAGENET = dict(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))

TRAIN_TF = A.Compose([
    A.RandomScale(scale_limit=(-0.5, 0.5)),
    A.PadIfNeeded(512, 1024, border_mode=cv2.BORDER_CONSTANT, value=0, mask_value=IGNORE),
    A.RandomCrop(512, 1024),
    A.HorizontalFlip(),
    A.ColorJitter(0.3, 0.3, 0.3, 0.0, p=0.6),
    A.Normalize(**IMAGENET),
])
EVAL_TF = A.Compose([A.Resize(512, 1024), A.Normalize(**IMAGENET)])

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


class Frames(Dataset):
    def __init__(self, df, tf):
        self.df, self.tf = df.reset_index(drop=True), tf

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        out = self.tf(image=cv2.cvtColor(cv2.imread(r.image), cv2.COLOR_BGR2RGB),
                      mask=cv2.imread(r.label, cv2.IMREAD_GRAYSCALE))
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"]).long()


def class_weights_from(df):
    counts = np.zeros(len(CLASSES))
    for p in df.label:
        lbl = cv2.imread(p, cv2.IMREAD_GRAYSCALE)
        counts += np.bincount(lbl[lbl != IGNORE], minlength=len(CLASSES))[:len(CLASSES)]
    freq = counts / counts.sum()
    return torch.tensor(1.0 / np.log(1.02 + freq), dtype=torch.float32), int(counts.argmax())


def update_cm(cm, pred, target):
    valid = target != IGNORE
    cm += torch.bincount(target[valid] * len(CLASSES) + pred[valid], minlength=len(CLASSES) ** 2
                         ).reshape(len(CLASSES), len(CLASSES)).cpu()


def summarize(cm):
    cm = cm.double()
    tp = cm.diag()
    iou = tp / (cm.sum(0) + cm.sum(1) - tp).clamp(min=1)
    return {"mIoU": iou.mean().item(), "pixel_acc": (tp.sum() / cm.sum()).item(),
            "per_class_iou": dict(zip(CLASSES, iou.round(decimals=4).tolist()))}


@torch.no_grad()
def evaluate(model, loader, device, constant_class=None):
    model.eval()
    cm = torch.zeros(len(CLASSES), len(CLASSES), dtype=torch.long)
    for x, y in loader:
        y = y.to(device)
        if constant_class is None:
            pred = model(x.to(device))["out"].argmax(1)
        else:
            pred = torch.full_like(y, constant_class)
        update_cm(cm, pred, y)
    return summarize(cm)


def main():
    device = torch.device("cuda")
    df = pd.read_csv("data/streets/frames.csv")
    dev_idx, test_idx = next(GroupShuffleSplit(1, test_size=0.2, random_state=SEED).split(df, groups=df.city))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    tr, va = next(GroupShuffleSplit(1, test_size=0.2, random_state=SEED).split(dev, groups=dev.city))
    train, val = dev.iloc[tr], dev.iloc[va]
    print("test cities:", sorted(test.city.unique()), "val cities:", sorted(val.city.unique()))

    weights, majority = class_weights_from(train)
    train_loader = DataLoader(Frames(train, TRAIN_TF), batch_size=8, shuffle=True, num_workers=8, drop_last=True,
                              generator=torch.Generator().manual_seed(SEED))
    val_loader = DataLoader(Frames(val, EVAL_TF), batch_size=8, num_workers=8)
    test_loader = DataLoader(Frames(test, EVAL_TF), batch_size=8, num_workers=8)

    model = deeplabv3_resnet50(weights=DeepLabV3_ResNet50_Weights.COCO_WITH_VOC_LABELS_V1, aux_loss=True)
    model.classifier[4] = torch.nn.Conv2d(256, len(CLASSES), 1)
    model.aux_classifier[4] = torch.nn.Conv2d(256, len(CLASSES), 1)
    model.to(device)
    criterion = torch.nn.CrossEntropyLoss(weight=weights.to(device), ignore_index=IGNORE)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    epochs = 60
    scheduler = torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters=epochs * len(train_loader), power=0.9)
    scaler = torch.cuda.amp.GradScaler()

    ckpt = Path("checkpoints/deeplabv3_streets.pt")
    ckpt.parent.mkdir(exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.float16):
                out = model(x)
                loss = criterion(out["out"], y) + 0.4 * criterion(out["aux"], y)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
        val_scores = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: loss {loss.item():.3f} val mIoU {val_scores['mIoU']:.4f} acc {val_scores['pixel_acc']:.4f}")
        if val_scores["mIoU"] > best:
            best, wait = val_scores["mIoU"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= 8:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    report = {"deeplabv3": evaluate(model, test_loader, device),
              "majority_class": evaluate(model, test_loader, device, constant_class=majority)}
    Path("reports").mkdir(exist_ok=True)
    Path("reports/test_streets.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
