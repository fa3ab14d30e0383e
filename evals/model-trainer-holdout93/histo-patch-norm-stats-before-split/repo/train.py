import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader
from torchvision import transforms as T

from histo.data import PatchDataset, collate_with_labels, compute_channel_stats
from histo.model import build_model


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def split_by_slide(manifest: pd.DataFrame, seed: int):
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    trainval_idx, test_idx = next(outer.split(manifest, manifest["label"], groups=manifest["slide_id"]))
    trainval = manifest.iloc[trainval_idx].reset_index(drop=True)
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 1)
    tr_idx, va_idx = next(inner.split(trainval, trainval["label"], groups=trainval["slide_id"]))
    return trainval.iloc[tr_idx], trainval.iloc[va_idx], manifest.iloc[test_idx]


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, targets = [], []
    for x, y in loader:
        logits = model(x.to(device, non_blocking=True))
        probs.append(torch.softmax(logits, dim=1)[:, 1].cpu())
        targets.append(y)
    return torch.cat(probs).numpy(), torch.cat(targets).numpy()


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    manifest = pd.read_csv(cfg["data"]["manifest"])
    root = cfg["data"]["patch_root"]
    mean, std = compute_channel_stats(manifest, root, n_max=cfg["data"]["stats_patches"], seed=cfg["seed"])
    json.dump({"mean": mean, "std": std}, open(out_dir / "norm_stats.json", "w"))

    train_df, val_df, test_df = split_by_slide(manifest, cfg["seed"])
    print(f"slides train/val/test: {train_df.slide_id.nunique()}/{val_df.slide_id.nunique()}/{test_df.slide_id.nunique()}")

    train_tf = T.Compose([
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.RandomRotation(90),
        T.ColorJitter(brightness=0.1, contrast=0.1, saturation=0.1, hue=0.02),
        T.ToTensor(), T.Normalize(mean, std),
    ])
    eval_tf = T.Compose([T.ToTensor(), T.Normalize(mean, std)])

    tc, dc = cfg["train"], cfg["data"]
    loader_kw = dict(num_workers=dc["num_workers"], collate_fn=collate_with_labels, pin_memory=True)
    train_loader = DataLoader(PatchDataset(train_df, root, train_tf), batch_size=tc["batch_size"], shuffle=True, **loader_kw)
    val_loader = DataLoader(PatchDataset(val_df, root, eval_tf), batch_size=tc["batch_size"], **loader_kw)
    test_loader = DataLoader(PatchDataset(test_df, root, eval_tf), batch_size=tc["batch_size"], **loader_kw)

    model = build_model(cfg["model"]["arch"], cfg["model"]["num_classes"], cfg["model"]["pretrained"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])
    criterion = nn.CrossEntropyLoss()

    best_auc, bad_epochs = -1.0, 0
    for epoch in range(tc["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * x.size(0)
        scheduler.step()

        val_prob, val_y = predict(model, val_loader, device)
        val_auc = roc_auc_score(val_y, val_prob)
        print(f"epoch {epoch:02d} train_loss={running / len(train_loader.dataset):.4f} val_auc={val_auc:.4f}")
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= tc["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    val_prob, val_y = predict(model, val_loader, device)
    grid = np.linspace(0.05, 0.95, 91)
    threshold = float(grid[np.argmax([f1_score(val_y, val_prob >= t) for t in grid])])

    test_prob, test_y = predict(model, test_loader, device)
    test_pred = (test_prob >= threshold).astype(int)
    metrics = {
        "threshold": threshold,
        "test_auc": roc_auc_score(test_y, test_prob),
        "test_f1": f1_score(test_y, test_pred),
        "test_balanced_acc": balanced_accuracy_score(test_y, test_pred),
    }
    print(json.dumps(metrics, indent=2))
    json.dump(metrics, open(out_dir / "test_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    main(parser.parse_args().config)
