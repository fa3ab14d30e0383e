"""Train the land-cover tile classifier on 10-band Sentinel-2 patches."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, classification_report, cohen_kappa_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from landcover.data import S2_BANDS, TileDataset, compute_band_stats
from landcover.model import LandCoverCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets, total_loss = [], [], 0.0
    criterion = nn.CrossEntropyLoss(reduction="sum")
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total_loss += criterion(logits, y).item()
        preds.append(logits.argmax(1).cpu().numpy())
        targets.append(y.cpu().numpy())
    return total_loss / len(loader.dataset), np.concatenate(preds), np.concatenate(targets)


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    manifest = pd.read_csv(cfg["manifest"])
    class_to_idx = {c: i for i, c in enumerate(cfg["classes"])}
    manifest["label"] = manifest["class_name"].map(class_to_idx)

    mean, std = compute_band_stats(manifest["path"].tolist(), seed=cfg["seed"])
    np.savez(out_dir / "band_stats.npz", mean=mean, std=std)

    trainval, test = train_test_split(
        manifest, test_size=cfg["split"]["test_size"], stratify=manifest["label"], random_state=cfg["seed"]
    )
    val_frac = cfg["split"]["val_size"] / (1 - cfg["split"]["test_size"])
    train, val = train_test_split(
        trainval, test_size=val_frac, stratify=trainval["label"], random_state=cfg["seed"]
    )

    tc = cfg["train"]
    mk = lambda df, aug: TileDataset(df["path"], df["label"], mean, std, augment=aug)
    train_loader = DataLoader(mk(train, True), batch_size=tc["batch_size"], shuffle=True,
                              num_workers=tc["num_workers"], drop_last=True)
    val_loader = DataLoader(mk(val, False), batch_size=tc["batch_size"], num_workers=tc["num_workers"])
    test_loader = DataLoader(mk(test, False), batch_size=tc["batch_size"], num_workers=tc["num_workers"])

    model = LandCoverCNN(len(S2_BANDS), len(cfg["classes"]), **cfg["model"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])
    criterion = nn.CrossEntropyLoss()

    best_val, bad_epochs, history = float("inf"), 0, []
    for epoch in range(tc["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * x.size(0)
        scheduler.step()
        val_loss, vp, vt = predict(model, val_loader, device)
        val_f1 = f1_score(vt, vp, average="macro")
        history.append({"epoch": epoch, "train_loss": running / len(train_loader.dataset),
                        "val_loss": val_loss, "val_macro_f1": val_f1})
        print(history[-1])
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= tc["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    _, tp, tt = predict(model, test_loader, device)
    results = {
        "overall_accuracy": accuracy_score(tt, tp),
        "macro_f1": f1_score(tt, tp, average="macro"),
        "kappa": cohen_kappa_score(tt, tp),
        "report": classification_report(tt, tp, target_names=cfg["classes"], output_dict=True),
    }
    print(json.dumps({k: v for k, v in results.items() if k != "report"}, indent=2))
    json.dump({"test": results, "history": history}, open(out_dir / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
