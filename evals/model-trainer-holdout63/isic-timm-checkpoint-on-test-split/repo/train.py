"""Fine-tune an EfficientNet-B2 (timm) on ISIC 2019 dermoscopy images."""
import argparse
import json
from pathlib import Path

import timm
import torch
import torch.nn as nn
import yaml
from timm.data import create_transform, resolve_data_config
from timm.utils import random_seed
from torch.utils.data import DataLoader

from dermclf.data import LesionDataset
from dermclf.engine import evaluate, train_one_epoch

NUM_CLASSES = 8


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    random_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    model = timm.create_model(cfg["model"]["name"], pretrained=True, num_classes=NUM_CLASSES,
                              drop_rate=cfg["model"]["drop_rate"], drop_path_rate=cfg["model"]["drop_path_rate"])
    data_cfg = resolve_data_config({"input_size": (3, cfg["data"]["img_size"], cfg["data"]["img_size"])}, model=model)
    train_tf = create_transform(**data_cfg, is_training=True, hflip=0.5, vflip=0.5, color_jitter=0.2)
    eval_tf = create_transform(**data_cfg, is_training=False)

    train_set = LesionDataset(cfg["data"]["train_csv"], cfg["data"]["image_dir"], train_tf)
    eval_set = LesionDataset(cfg["data"]["eval_csv"], cfg["data"]["image_dir"], eval_tf)
    tcfg = cfg["train"]
    train_dl = DataLoader(train_set, batch_size=tcfg["batch_size"], shuffle=True,
                          num_workers=tcfg["num_workers"], pin_memory=True, drop_last=True)
    eval_dl = DataLoader(eval_set, batch_size=tcfg["batch_size"] * 2, num_workers=tcfg["num_workers"])

    model.to(device)
    criterion = nn.CrossEntropyLoss(weight=train_set.class_weights(NUM_CLASSES).to(device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"], eta_min=1e-6)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    best_score, best_epoch, history = -1.0, 0, []
    for epoch in range(1, tcfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_dl, optimizer, criterion, scaler, device)
        scheduler.step()
        metrics = evaluate(model, eval_dl, criterion, device)
        history.append({"epoch": epoch, "train_loss": train_loss, **metrics})
        print(f"[{epoch:02d}] train_loss={train_loss:.4f} " + " ".join(f"{k}={v:.4f}" for k, v in metrics.items()))

        if metrics["balanced_acc"] > best_score:
            best_score, best_epoch = metrics["balanced_acc"], epoch
            torch.save(model.state_dict(), out_dir / "best.pt")
        elif epoch - best_epoch >= tcfg["patience"]:
            print(f"no improvement for {tcfg['patience']} epochs, stopping")
            break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    final = evaluate(model, eval_dl, criterion, device)
    print(f"best epoch {best_epoch}: test " + " ".join(f"{k}={v:.4f}" for k, v in final.items()))
    json.dump({"history": history, "test": final, "best_epoch": best_epoch},
              open(out_dir / "results.json", "w"), indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/effnet_b2.yaml")
    main(parser.parse_args().config)
