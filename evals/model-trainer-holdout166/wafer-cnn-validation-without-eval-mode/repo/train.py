import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from data import CLASSES, WaferMapDataset, load_labeled, split_by_lot
from engine import evaluate, train_one_epoch
from model import WaferNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_labeled(cfg["data_path"])
    train_df, test_df = split_by_lot(df, cfg["test_size"], cfg["seed"])
    train_df, val_df = split_by_lot(train_df, cfg["val_size"], cfg["seed"])
    print(f"lots: train={train_df.lotName.nunique()} val={val_df.lotName.nunique()} test={test_df.lotName.nunique()}")

    train_ds, val_ds, test_ds = (WaferMapDataset(d, cfg["img_size"]) for d in (train_df, val_df, test_df))
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=256)
    test_dl = DataLoader(test_ds, batch_size=256)

    # 'none' is ~85% of the labeled maps -> inverse-frequency weights from the training lots
    counts = np.bincount(train_df["label"], minlength=len(CLASSES))
    weights = torch.tensor(counts.sum() / (len(CLASSES) * np.maximum(counts, 1)), dtype=torch.float32)

    model = WaferNet(n_classes=len(CLASSES), p_drop=cfg["dropout"]).to(device)
    criterion = nn.CrossEntropyLoss(weight=weights.to(device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_f1 = -1.0
    for epoch in range(cfg["epochs"]):
        loss = train_one_epoch(model, train_dl, optimizer, criterion, device)
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {loss:.4f} val_macro_f1 {val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1 = val["macro_f1"]
            torch.save(model.state_dict(), cfg["ckpt_path"])

    model.load_state_dict(torch.load(cfg["ckpt_path"], map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"test macro-F1 {test['macro_f1']:.4f}  acc {test['acc']:.4f}")


if __name__ == "__main__":
    main()
