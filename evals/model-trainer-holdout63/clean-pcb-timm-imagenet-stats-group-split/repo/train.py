"""Fine-tune ConvNeXt-T on AOI solder-joint crops; selects on validation macro-F1, reports test once."""
import argparse
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader

from aoi.data import CLASSES, AOICrops, get_transforms
from aoi.utils import EarlyStopper, seed_everything


def run(model, loader, device, criterion, optimizer=None):
    train = optimizer is not None
    model.train(train)
    losses, preds, targets = [], [], []
    with torch.set_grad_enabled(train):
        for x, y in loader:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            logits = model(x)
            loss = criterion(logits, y)
            if train:
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
            losses.append(loss.item())
            preds.append(logits.argmax(1).cpu().numpy())
            targets.append(y.cpu().numpy())
    return float(np.mean(losses)), np.concatenate(targets), np.concatenate(preds)


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    use_wandb = bool(os.environ.get("WANDB_API_KEY"))
    if use_wandb:
        wandb.login(key=os.environ["WANDB_API_KEY"])
        wandb.init(project=cfg["wandb_project"], config=cfg)

    df = pd.read_csv(cfg["data"]["splits_csv"])
    parts = {s: df[df["split"] == s] for s in ("train", "val", "test")}
    size, tcfg = cfg["data"]["img_size"], cfg["train"]
    loaders = {
        s: DataLoader(AOICrops(parts[s], get_transforms(size, train=s == "train")), batch_size=tcfg["batch_size"],
                      shuffle=s == "train", num_workers=tcfg["num_workers"], pin_memory=True)
        for s in parts
    }

    model = timm.create_model(cfg["model"]["arch"], pretrained=True, num_classes=len(CLASSES),
                              drop_path_rate=cfg["model"]["drop_path_rate"]).to(device)
    counts = parts["train"]["label"].value_counts().reindex(CLASSES).values
    class_w = torch.tensor(counts.sum() / (len(CLASSES) * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=class_w)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])
    stopper = EarlyStopper(tcfg["patience"], mode="max")

    for epoch in range(tcfg["epochs"]):
        tr_loss, _, _ = run(model, loaders["train"], device, criterion, optimizer)
        va_loss, y_va, p_va = run(model, loaders["val"], device, criterion)
        scheduler.step()
        va_f1 = f1_score(y_va, p_va, average="macro")
        log = {"epoch": epoch, "train_loss": tr_loss, "val_loss": va_loss, "val_macro_f1": va_f1}
        print(log)
        if use_wandb:
            wandb.log(log)
        if stopper.step(va_f1):
            torch.save(model.state_dict(), out / "best.pt")
        if stopper.should_stop:
            break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    _, y_te, p_te = run(model, loaders["test"], device, criterion)
    y_tr = parts["train"]["label"].map(CLASSES.index).values
    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_tr), 1)), y_tr)
    p_dummy = dummy.predict(np.zeros((len(y_te), 1)))
    results = {
        "model": {"macro_f1": f1_score(y_te, p_te, average="macro"),
                  "balanced_acc": balanced_accuracy_score(y_te, p_te)},
        "majority_baseline": {"macro_f1": f1_score(y_te, p_dummy, average="macro"),
                              "balanced_acc": balanced_accuracy_score(y_te, p_dummy)},
    }
    print(classification_report(y_te, p_te, target_names=CLASSES, digits=4))
    print(json.dumps(results, indent=2))
    (out / "test_results.json").write_text(json.dumps(results, indent=2))
    if use_wandb:
        wandb.summary.update(results)
        wandb.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/convnext_tiny.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
