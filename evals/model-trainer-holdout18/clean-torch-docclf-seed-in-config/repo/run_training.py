import json
import logging
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader
from torchvision import models

from src.docclf.config import Config
from src.docclf.data import DocImages, split_index, transforms_for
from src.docclf.repro import make_deterministic, worker_init

log = logging.getLogger("docclf")


def run_inference(model, loader, device):
    model.eval()
    out_pred, out_true = [], []
    with torch.no_grad():
        for images, labels in loader:
            out_pred.append(model(images.to(device)).argmax(1).cpu().numpy())
            out_true.append(labels.numpy())
    return np.concatenate(out_true), np.concatenate(out_pred)


def main():
    cfg = Config.from_cli()
    gen = make_deterministic(cfg)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_df, val_df, test_df, classes = split_index(cfg)
    loader_kw = dict(num_workers=4, worker_init_fn=worker_init)
    train_dl = DataLoader(DocImages(train_df, cfg.image_root, transforms_for(cfg, True)),
                          batch_size=cfg.batch_size, shuffle=True, generator=gen, **loader_kw)
    val_dl = DataLoader(DocImages(val_df, cfg.image_root, transforms_for(cfg, False)), batch_size=96, **loader_kw)
    test_dl = DataLoader(DocImages(test_df, cfg.image_root, transforms_for(cfg, False)), batch_size=96, **loader_kw)

    majority = train_df["y"].value_counts().idxmax()
    log.info("majority-class baseline on val: acc %.3f macro-F1 %.3f",
             accuracy_score(val_df["y"], [majority] * len(val_df)),
             f1_score(val_df["y"], [majority] * len(val_df), average="macro"))

    net = models.mobilenet_v3_large(weights=models.MobileNet_V3_Large_Weights.IMAGENET1K_V2)
    net.classifier[3] = nn.Linear(net.classifier[3].in_features, len(classes))
    net.to(device)
    optimizer = torch.optim.AdamW(net.parameters(), lr=cfg.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)

    ckpt_dir = Path(cfg.ckpt_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, strikes = 0.0, 0
    for epoch in range(cfg.epochs):
        net.train()
        for images, labels in train_dl:
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            loss = criterion(net(images), labels)
            loss.backward()
            optimizer.step()
        scheduler.step()

        y_val, p_val = run_inference(net, val_dl, device)
        f1 = f1_score(y_val, p_val, average="macro")
        log.info("epoch %d  val acc %.4f  macro-F1 %.4f", epoch, accuracy_score(y_val, p_val), f1)
        if f1 > best_f1:
            best_f1, strikes = f1, 0
            torch.save({"state": net.state_dict(), "classes": classes, "epoch": epoch}, ckpt_dir / "best.pt")
        else:
            strikes += 1
            if strikes >= cfg.patience:
                break

    net.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device)["state"])
    y_test, p_test = run_inference(net, test_dl, device)
    report = classification_report(y_test, p_test, target_names=classes, output_dict=True)
    log.info("test acc %.4f macro-F1 %.4f", report["accuracy"], report["macro avg"]["f1-score"])
    (ckpt_dir / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
