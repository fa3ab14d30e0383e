import json
import random
from pathlib import Path

import numpy as np
import timm
import torch
import torch.nn as nn
import yaml
from timm.data import create_transform, resolve_data_config
from torch.utils.data import DataLoader

from data import ZooScanDataset, load_index, split_by_cruise
from engine import evaluate, train_one_epoch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = load_index(cfg["data"]["index_csv"])
    classes = sorted(df["taxon"].unique())
    class_to_idx = {c: i for i, c in enumerate(classes)}
    train_df, val_df, test_df = split_by_cruise(
        df, cfg["data"]["val_frac"], cfg["data"]["test_frac"], cfg["seed"]
    )
    print(f"train {len(train_df)}  val {len(val_df)}  test {len(test_df)}  classes {len(classes)}")

    model = timm.create_model(
        cfg["model"]["name"],
        pretrained=cfg["model"]["pretrained"],
        num_classes=len(classes),
        drop_rate=cfg["model"]["drop_rate"],
        drop_path_rate=cfg["model"]["drop_path_rate"],
    ).to(device)
    data_cfg = resolve_data_config({}, model=model)
    train_tf = create_transform(**data_cfg, is_training=True, hflip=0.5, vflip=0.5)
    eval_tf = create_transform(**data_cfg, is_training=False)

    root, tc = cfg["data"]["image_root"], cfg["train"]
    train_dl = DataLoader(ZooScanDataset(train_df, root, class_to_idx, train_tf),
                          batch_size=tc["batch_size"], shuffle=True, num_workers=tc["num_workers"], drop_last=True)
    val_dl = DataLoader(ZooScanDataset(val_df, root, class_to_idx, eval_tf),
                        batch_size=tc["batch_size"] * 2, num_workers=tc["num_workers"])
    test_dl = DataLoader(ZooScanDataset(test_df, root, class_to_idx, eval_tf),
                         batch_size=tc["batch_size"] * 2, num_workers=tc["num_workers"])

    counts = train_df["taxon"].value_counts().reindex(classes).values
    weights = torch.tensor(len(train_df) / (len(classes) * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights, label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])
    scaler = torch.cuda.amp.GradScaler() if tc["amp"] and device.type == "cuda" else None

    best_f1 = -1.0
    for epoch in range(tc["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion, device, scaler)
        val = evaluate(model, val_dl, criterion, device)
        scheduler.step()
        print(f"epoch {epoch:02d}  train_loss {tr_loss:.4f}  val_loss {val['loss']:.4f}  val_f1 {val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1 = val["macro_f1"]
            torch.save(model.state_dict(), out / "best.pt")

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, criterion, device)
    print(f"TEST  acc {test['acc']:.4f}  macro_f1 {test['macro_f1']:.4f}")
    json.dump({"best_val_f1": best_f1, "test": test, "classes": classes}, open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
