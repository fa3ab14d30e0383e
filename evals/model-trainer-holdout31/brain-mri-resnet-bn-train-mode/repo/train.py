import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader
from torchvision.models import ResNet18_Weights, resnet18

from src.dataset import SliceDataset, eval_tf, patient_split, train_tf

log = logging.getLogger("mri")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model(n_classes=4):
    m = resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)
    m.fc = nn.Sequential(nn.Dropout(0.4), nn.Linear(m.fc.in_features, n_classes))
    return m


def run_epoch(model, loader, criterion, optimizer, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * x.size(0)
    return total / len(loader.dataset)


def predict(model, loader, device):
    probs, labels = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            probs.append(torch.softmax(logits, dim=1).cpu())
            labels.append(y)
    return torch.cat(probs).numpy(), torch.cat(labels).numpy()


def scores(probs, labels):
    pred = probs.argmax(1)
    return {
        "bal_acc": balanced_accuracy_score(labels, pred),
        "macro_f1": f1_score(labels, pred, average="macro"),
        "auc_ovr": roc_auc_score(labels, probs, multi_class="ovr"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO)
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    frame = pd.read_csv(cfg["data_csv"])
    tr_df, va_df, te_df = patient_split(frame, cfg["seed"])
    log.info("slices train %d val %d test %d", len(tr_df), len(va_df), len(te_df))
    mk = lambda df, tf, sh: DataLoader(SliceDataset(df, tf), batch_size=cfg["batch_size"], shuffle=sh,
                                       num_workers=4, generator=torch.Generator().manual_seed(cfg["seed"]))
    train_dl = mk(tr_df, train_tf(cfg["image_size"]), True)
    val_dl = mk(va_df, eval_tf(cfg["image_size"]), False)
    test_dl = mk(te_df, eval_tf(cfg["image_size"]), False)

    model = build_model().to(device)
    counts = np.bincount(tr_df["label"], minlength=4)
    weights = torch.tensor(counts.sum() / (4 * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(cfg["epochs"]):
        loss = run_epoch(model, train_dl, criterion, optimizer, device)
        sched.step()
        val = scores(*predict(model, val_dl, device))
        log.info("epoch %02d loss %.4f val %s", epoch, loss, {k: round(v, 4) for k, v in val.items()})
        if val["macro_f1"] > best:
            best, wait = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = scores(*predict(model, test_dl, device))
    log.info("TEST %s", test)


if __name__ == "__main__":
    main()
