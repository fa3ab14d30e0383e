"""Train the weld-seam defect classifier (defect / no defect) on radiograph patches."""
from pathlib import Path

import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from weldnet.common import WeldPatches, build_model, build_transforms, load_config, predict_proba, seed_all


def make_splits(cfg):
    df = pd.read_csv(cfg["labels_csv"])
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df.defect, random_state=cfg["seed"])
    train_df, val_df = train_test_split(train_df, test_size=0.2, stratify=train_df.defect,
                                        random_state=cfg["seed"])
    out = Path(cfg["splits_dir"])
    out.mkdir(parents=True, exist_ok=True)
    for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]:
        part.to_csv(out / f"{name}.csv", index=False)
    return train_df, val_df


def main():
    cfg = load_config()
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_df, val_df = make_splits(cfg)

    train_dl = DataLoader(WeldPatches(train_df, cfg["images"], build_transforms(cfg["img_size"], True)),
                          batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(WeldPatches(val_df, cfg["images"], build_transforms(cfg["img_size"], False)),
                        batch_size=cfg["batch_size"], num_workers=4)

    model = build_model().to(device)
    pos_weight = torch.tensor([(train_df.defect == 0).sum() / (train_df.defect == 1).sum()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])

    best_ap, stale = 0.0, 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        y_val, p_val = predict_proba(model, val_dl, device)
        ap, auc = average_precision_score(y_val, p_val), roc_auc_score(y_val, p_val)
        print(f"epoch {epoch + 1}: last_loss={loss.item():.4f} val_AP={ap:.4f} val_AUC={auc:.4f}")
        if ap > best_ap:
            best_ap, stale = ap, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break


if __name__ == "__main__":
    main()
