"""Oxford-IIIT Pets (37 breeds) with a ResNet-50 on a single 8 GB GPU.

Small physical batches (16) with gradient accumulation to an effective batch of 64; the backbone's
BatchNorm layers are kept frozen because per-step batches are too small for stable batch statistics.
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, models, transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--micro-batch", type=int, default=16)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=99)
    return ap.parse_args()


def freeze_bn(module):
    if isinstance(module, nn.BatchNorm2d):
        module.eval()
        for p in module.parameters():
            p.requires_grad_(False)


@torch.no_grad()
def predict_proba(model, loader, device):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            out.append(model(x.to(device)).float().softmax(1).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def main():
    args = parse()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_tf = transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(),
                                   transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224),
                                  transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    trainval_aug = datasets.OxfordIIITPet(args.root, split="trainval", transform=train_tf, download=True)
    trainval_eval = datasets.OxfordIIITPet(args.root, split="trainval", transform=eval_tf)
    test_ds = datasets.OxfordIIITPet(args.root, split="test", transform=eval_tf, download=True)

    labels = np.array(trainval_aug._labels)
    tr_idx, va_idx = train_test_split(np.arange(len(labels)), test_size=0.15, stratify=labels,
                                      random_state=args.seed)
    train_dl = DataLoader(Subset(trainval_aug, tr_idx), batch_size=args.micro_batch, shuffle=True,
                          num_workers=4, drop_last=True)
    val_dl = DataLoader(Subset(trainval_eval, va_idx), batch_size=64, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=64, num_workers=4)

    model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET2K_V2)
    model.fc = nn.Linear(model.fc.in_features, 37)
    model.to(device)

    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    criterion = nn.CrossEntropyLoss()

    best, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        model.apply(freeze_bn)
        optimizer.zero_grad(set_to_none=True)
        for step, (x, y) in enumerate(train_dl, start=1):
            x, y = x.to(device), y.to(device)
            with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
                loss = criterion(model(x), y) / args.accum_steps
            scaler.scale(loss).backward()
            if step % args.accum_steps == 0:
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
        scheduler.step()

        y_val, p_val = predict_proba(model, val_dl, device)
        val_acc = accuracy_score(y_val, p_val.argmax(1))
        val_f1 = f1_score(y_val, p_val.argmax(1), average="macro")
        print(f"epoch {epoch + 1}: val acc {val_acc:.4f}  val macro-F1 {val_f1:.4f}")
        if val_f1 > best:
            best, stale = val_f1, 0
            torch.save(model.state_dict(), "pets_resnet50_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load("pets_resnet50_best.pt", map_location=device))
    y_test, p_test = predict_proba(model, test_dl, device)
    prior = np.bincount(labels[tr_idx], minlength=37) / len(tr_idx)
    print(f"test acc      {accuracy_score(y_test, p_test.argmax(1)):.4f}")
    print(f"test macro-F1 {f1_score(y_test, p_test.argmax(1), average='macro'):.4f}")
    print(f"test top-5    {top_k_accuracy_score(y_test, p_test, k=5, labels=np.arange(37)):.4f}")
    print(f"majority-class baseline acc {np.mean(y_test == prior.argmax()):.4f}")


if __name__ == "__main__":
    main()
