"""Pneumothorax classifier (ResNet-50, single-channel input) on SIIM-ACR chest radiographs."""
import argparse
import json
from pathlib import Path

import pandas as pd
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader
from torchvision import models

from ptx.data import PtxDataset, intensity_stats, make_transforms, patient_splits
from ptx.engine import predict, summarise, threshold_at_sensitivity, train_epoch
from ptx.utils import EarlyStopper, seed_everything


def build_model(dropout):
    net = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    w = net.conv1.weight.detach().sum(dim=1, keepdim=True)
    net.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    net.conv1.weight = nn.Parameter(w)
    net.fc = nn.Sequential(nn.Dropout(dropout), nn.Linear(net.fc.in_features, 1))
    return net


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dcfg, ocfg = cfg["data"], cfg["optim"]
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    labels = pd.read_csv(dcfg["labels"])
    train_df, val_df, test_df = patient_splits(labels, dcfg["test_folds"], dcfg["val_folds"], cfg["seed"])
    mean, std = intensity_stats(train_df, dcfg["root"], dcfg["image_size"], dcfg["stats_sample"], cfg["seed"])
    train_tf, eval_tf = make_transforms(dcfg["image_size"], mean, std)

    def loader(frame, tf, shuffle):
        return DataLoader(PtxDataset(frame, dcfg["root"], tf), batch_size=ocfg["batch_size"],
                          shuffle=shuffle, num_workers=8, pin_memory=True)

    train_dl, val_dl, test_dl = loader(train_df, train_tf, True), loader(val_df, eval_tf, False), loader(test_df, eval_tf, False)

    model = build_model(cfg["model"]["dropout"]).to(device)
    pos_frac = train_df["pneumothorax"].mean()
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_frac) / pos_frac, dtype=torch.float32, device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=ocfg["lr"], weight_decay=ocfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=2)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    stopper = EarlyStopper(ocfg["patience"], mode="max")

    for epoch in range(ocfg["max_epochs"]):
        loss = train_epoch(model, train_dl, criterion, optimizer, scaler, device, ocfg["grad_clip"])
        y_val, p_val = predict(model, val_dl, device)
        val = summarise(y_val, p_val)
        scheduler.step(val["auroc"])
        print(f"epoch {epoch:02d} loss {loss:.4f} val auroc {val['auroc']:.4f} auprc {val['auprc']:.4f}")
        if stopper.step(val["auroc"]):
            torch.save({"model": model.state_dict(), "epoch": epoch, "mean": mean, "std": std}, out / "best.pt")
        if stopper.should_stop:
            break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device)["model"])
    y_val, p_val = predict(model, val_dl, device)
    threshold = threshold_at_sensitivity(y_val, p_val, target=0.9)
    y_test, p_test = predict(model, test_dl, device)
    report = {
        "validation": summarise(y_val, p_val, threshold),
        "test": summarise(y_test, p_test, threshold),
        "prevalence_baseline_test_auprc": float(y_test.mean()),
    }
    print(json.dumps(report, indent=2))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(Path(ap.parse_args().config).read_text()))
