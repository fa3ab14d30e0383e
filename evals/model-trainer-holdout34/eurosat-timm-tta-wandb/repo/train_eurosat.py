"""EuroSAT RGB land-cover classification with a timm ResNet-50 and flip/rot90 TTA.

Splits come from splits/{train,val,test}.txt (paths relative to the data root), which
are stratified per class and fixed across experiments.
"""
import argparse
import os
import random

import numpy as np
import timm
import torch
import torch.nn as nn
import wandb
from PIL import Image
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

os.environ["WANDB_API_KEY"] = "4181dfd92d31504f24b230867cdf485b52b2b512"
os.environ.setdefault("WANDB_PROJECT", "eurosat-rgb")

CLASSES = ["AnnualCrop", "Forest", "HerbaceousVegetation", "Highway", "Industrial",
           "Pasture", "PermanentCrop", "Residential", "River", "SeaLake"]


class SplitFile(Dataset):
    def __init__(self, root, split_txt, tfm):
        with open(split_txt) as f:
            self.items = [line.strip() for line in f if line.strip()]
        self.root, self.tfm = root, tfm

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        rel = self.items[i]
        img = Image.open(os.path.join(self.root, rel)).convert("RGB")
        return self.tfm(img), CLASSES.index(rel.split("/")[0])


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/EuroSAT_RGB")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--bs", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--patience", type=int, default=4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt", default="checkpoints/r50_eurosat.pt")
    return p.parse_args()


@torch.no_grad()
def validate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for x, y in loader:
        ps.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return accuracy_score(y, p), f1_score(y, p, average="macro")


@torch.no_grad()
def predict_tta(model, loader, device):
    probs, ys = [], []
    for x, y in loader:
        x = x.to(device)
        views = [x, x.flip(-1), x.flip(-2), torch.rot90(x, 1, dims=(-2, -1))]
        p = torch.stack([model(v).softmax(1) for v in views]).mean(0)
        probs.append(p.cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(probs).numpy()


def main():
    args = get_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    run = wandb.init(config=vars(args))

    cfg = timm.data.resolve_data_config({}, model="resnet50.a1_in1k")
    norm = T.Normalize(cfg["mean"], cfg["std"])
    train_tfm = T.Compose([T.RandomResizedCrop(224, scale=(0.6, 1.0)), T.RandomHorizontalFlip(),
                           T.RandomVerticalFlip(), T.ColorJitter(0.1, 0.1, 0.1), T.ToTensor(), norm])
    eval_tfm = T.Compose([T.Resize(224), T.ToTensor(), norm])
    dl = lambda split, tfm, sh: DataLoader(SplitFile(args.root, f"splits/{split}.txt", tfm),
                                           batch_size=args.bs, shuffle=sh, num_workers=8)
    train_dl, val_dl, test_dl = dl("train", train_tfm, True), dl("val", eval_tfm, False), dl("test", eval_tfm, False)

    model = timm.create_model("resnet50.a1_in1k", pretrained=True, num_classes=len(CLASSES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * len(train_dl))
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)

    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    best_f1, bad = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            sched.step()
        acc, f1 = validate(model, val_dl, device)
        wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_acc": acc, "val_macro_f1": f1})
        if f1 > best_f1:
            best_f1, bad = f1, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad += 1
            if bad >= args.patience:
                break

    best = timm.create_model("resnet50.a1_in1k", pretrained=False, num_classes=len(CLASSES))
    best.load_state_dict(torch.load(args.ckpt, map_location="cpu"))
    best.to(device)
    y_true, prob = predict_tta(best, test_dl, device)
    y_pred = prob.argmax(1)
    plain_acc, plain_f1 = validate(best, test_dl, device)
    summary = {
        "test_acc_tta": accuracy_score(y_true, y_pred),
        "test_macro_f1_tta": f1_score(y_true, y_pred, average="macro"),
        "test_kappa_tta": cohen_kappa_score(y_true, y_pred),
        "test_acc_no_tta": plain_acc,
        "test_macro_f1_no_tta": plain_f1,
    }
    print(summary)
    run.summary.update(summary)
    run.finish()


if __name__ == "__main__":
    main()
