"""HAM10000: ResNet50 + dropout head, MC-dropout uncertainty for 'refer to dermatologist' analysis."""
import argparse
import random

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]
NORM = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
TRAIN_TF = T.Compose([T.RandomResizedCrop(224, scale=(0.7, 1.0)), T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                      T.ColorJitter(0.1, 0.1, 0.1), T.ToTensor(), NORM])
EVAL_TF = T.Compose([T.Resize((224, 224)), T.ToTensor(), NORM])


class DS(Dataset):
    def __init__(self, df, tf):
        self.p = ("data/HAM10000/images/" + df.image_id + ".jpg").tolist()
        self.y = df.y.tolist()
        self.tf = tf

    def __len__(self):
        return len(self.p)

    def __getitem__(self, i):
        return self.tf(Image.open(self.p[i]).convert("RGB")), self.y[i]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = timm.create_model("resnet50.a1_in1k", pretrained=True, num_classes=0)
        self.head = nn.Sequential(nn.Dropout(0.5), nn.Linear(2048, 512), nn.ReLU(inplace=True),
                                  nn.Dropout(0.5), nn.Linear(512, len(CLASSES)))

    def forward(self, x):
        return self.head(self.backbone(x))


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    return torch.cat([model(x.to(device)).softmax(1).cpu() for x, _ in dl]).numpy()


@torch.no_grad()
def mc_predict(model, dl, device, passes=30):
    model.eval()
    for m in model.modules():
        if isinstance(m, nn.Dropout):
            m.train()
    runs = []
    for _ in range(passes):
        runs.append(torch.cat([model(x.to(device)).softmax(1).cpu() for x, _ in dl]))
    model.eval()
    probs = torch.stack(runs)                                  # passes x N x C
    mean = probs.mean(0)
    entropy = -(mean * mean.clamp_min(1e-8).log()).sum(1)      # predictive entropy
    return mean.numpy(), entropy.numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()
    random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)
    device = "cuda"

    df = pd.read_csv("data/HAM10000/HAM10000_metadata.csv")
    df["y"] = df.dx.map({c: i for i, c in enumerate(CLASSES)})
    folds = list(StratifiedGroupKFold(5, shuffle=True, random_state=args.seed).split(df, df.y, df.lesion_id))
    test, val = df.iloc[folds[0][1]], df.iloc[folds[1][1]]
    train = df.drop(test.index.union(val.index))

    tr_dl = DataLoader(DS(train, TRAIN_TF), batch_size=32, shuffle=True, num_workers=6, drop_last=True)
    va_dl = DataLoader(DS(val, EVAL_TF), batch_size=128, num_workers=6)
    te_dl = DataLoader(DS(test, EVAL_TF), batch_size=128, num_workers=6)

    model = Net().to(device)
    w = torch.tensor(len(train) / (len(CLASSES) * np.bincount(train.y, minlength=7)), dtype=torch.float32)
    loss_fn = nn.CrossEntropyLoss(weight=w.to(device))
    opt = torch.optim.AdamW(model.parameters(), lr=2e-4, weight_decay=1e-4)
    best = 0.0
    for ep in range(args.epochs):
        model.train()
        for x, y in tr_dl:
            opt.zero_grad()
            loss_fn(model(x.to(device)), y.to(device)).backward()
            opt.step()
        bacc = balanced_accuracy_score(val.y, predict(model, va_dl, device).argmax(1))
        print(f"epoch {ep} val bacc {bacc:.4f}")
        if bacc > best:
            best = bacc
            torch.save(model.state_dict(), "r50_mc.pt")

    model.load_state_dict(torch.load("r50_mc.pt"))
    mean, ent = mc_predict(model, te_dl, device)
    y = test.y.to_numpy()
    print(f"test bacc {balanced_accuracy_score(y, mean.argmax(1)):.4f}  macro AUC {roc_auc_score(y, mean, multi_class='ovr'):.4f}")

    # refer the most uncertain cases, report accuracy on the rest
    order = np.argsort(ent)
    for keep in (1.0, 0.9, 0.8, 0.7):
        k = order[: int(len(order) * keep)]
        print(f"retain {keep:.0%}: bacc {balanced_accuracy_score(y[k], mean[k].argmax(1)):.4f}")


if __name__ == "__main__":
    main()
