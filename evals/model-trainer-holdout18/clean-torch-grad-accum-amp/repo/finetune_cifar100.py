"""Fine-tune an ImageNet ResNet-50 on CIFAR-100 on a single small GPU.

Effective batch = --micro-batch * --accum-steps; mixed precision via GradScaler.
Validation: 5k images held out from the official train split (stratified).
The official test split is only used once, after training, with the best checkpoint.
"""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, models, transforms

logger = logging.getLogger("cifar100")
MEAN, STD = (0.507, 0.487, 0.441), (0.267, 0.256, 0.276)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


def build_loaders(root, micro_batch, seed):
    train_tf = transforms.Compose([
        transforms.Resize(160), transforms.RandomCrop(160, padding=8),
        transforms.RandomHorizontalFlip(), transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    eval_tf = transforms.Compose([transforms.Resize(160), transforms.ToTensor(), transforms.Normalize(MEAN, STD)])

    train_aug = datasets.CIFAR100(root, train=True, download=True, transform=train_tf)
    train_plain = datasets.CIFAR100(root, train=True, download=False, transform=eval_tf)
    test_set = datasets.CIFAR100(root, train=False, download=True, transform=eval_tf)

    targets = np.array(train_aug.targets)
    fit_idx, val_idx = train_test_split(np.arange(len(targets)), test_size=5000,
                                        stratify=targets, random_state=seed)
    g = torch.Generator().manual_seed(seed)
    loaders = {
        "train": DataLoader(Subset(train_aug, fit_idx), batch_size=micro_batch, shuffle=True,
                            num_workers=4, generator=g, drop_last=True),
        "val": DataLoader(Subset(train_plain, val_idx), batch_size=256, num_workers=4),
        "test": DataLoader(test_set, batch_size=256, num_workers=4),
    }
    return loaders, targets[fit_idx], targets[val_idx]


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    loss_sum, top1, top5, n = 0.0, 0, 0, 0
    all_pred, all_true = [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            logits = model(images)
        loss_sum += F.cross_entropy(logits.float(), labels, reduction="sum").item()
        top = logits.topk(5, dim=1).indices
        top1 += (top[:, 0] == labels).sum().item()
        top5 += (top == labels[:, None]).any(dim=1).sum().item()
        n += labels.numel()
        all_pred.append(top[:, 0].cpu())
        all_true.append(labels.cpu())
    macro_f1 = f1_score(torch.cat(all_true), torch.cat(all_pred), average="macro")
    return {"loss": loss_sum / n, "top1": top1 / n, "top5": top5 / n, "macro_f1": macro_f1}


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loaders, y_fit, y_val = build_loaders(args.data, args.micro_batch, args.seed)

    dummy = DummyClassifier(strategy="prior").fit(np.zeros((len(y_fit), 1)), y_fit)
    dummy_pred = dummy.predict(np.zeros((len(y_val), 1)))
    logger.info("chance-level baseline: top1 %.4f macro-F1 %.4f",
                (dummy_pred == y_val).mean(), f1_score(y_val, dummy_pred, average="macro"))

    model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    model.fc = nn.Linear(model.fc.in_features, 100)
    model.to(device)

    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9,
                                weight_decay=5e-4, nesterov=True)
    steps_per_epoch = len(loaders["train"]) // args.accum_steps
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                    steps_per_epoch=steps_per_epoch)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best_top1, epochs_without_gain = 0.0, 0

    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, (images, labels) in enumerate(loaders["train"], start=1):
            images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
                loss = F.cross_entropy(model(images), labels, label_smoothing=0.1) / args.accum_steps
            scaler.scale(loss).backward()

            if step % args.accum_steps == 0:
                scaler.unscale_(optimizer)
                nn.utils.clip_grad_norm_(model.parameters(), max_norm=2.0)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                if scheduler.last_epoch < scheduler.total_steps - 1:
                    scheduler.step()

        val = evaluate(model, loaders["val"], device)
        logger.info("epoch %d val %s", epoch, val)
        if val["top1"] > best_top1:
            best_top1, epochs_without_gain = val["top1"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "val": val}, out / "best.pt")
        else:
            epochs_without_gain += 1
            if epochs_without_gain >= args.patience:
                logger.info("no val improvement for %d epochs, stopping", args.patience)
                break

    state = torch.load(out / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, loaders["test"], device)
    logger.info("best epoch %d | test %s", state["epoch"], test)
    (out / "final_metrics.json").write_text(json.dumps({"val": state["val"], "test": test}, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="./data")
    p.add_argument("--out", default="./runs/r50_cifar100")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--micro-batch", type=int, default=32)
    p.add_argument("--accum-steps", type=int, default=8)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    main(p.parse_args())
