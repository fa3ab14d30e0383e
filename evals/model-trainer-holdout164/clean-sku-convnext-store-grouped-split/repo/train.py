import argparse
import json
from pathlib import Path

import pandas as pd
import timm
import torch
import yaml
from timm.scheduler import CosineLRScheduler
from torch.utils.data import DataLoader

from data import CropDataset, make_transforms, store_split
from utils import evaluate, seed_everything


def main(cfg):
    seed_everything(cfg["seed"])
    torch.backends.cudnn.benchmark = True
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["manifest"])
    sku_ids = sorted(df["sku_id"].unique())
    df["label"] = df["sku_id"].map({s: i for i, s in enumerate(sku_ids)})
    train_df, val_df, test_df = store_split(df, cfg["test_store_frac"], cfg["val_store_frac"], cfg["seed"])
    print(f"stores: train={train_df.store_id.nunique()} val={val_df.store_id.nunique()} "
          f"test={test_df.store_id.nunique()}")

    train_tf, eval_tf = make_transforms(cfg["img_size"])
    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    train_dl = DataLoader(CropDataset(train_df, train_tf), shuffle=True, drop_last=True, **kw)
    val_dl = DataLoader(CropDataset(val_df, eval_tf), shuffle=False, **kw)
    test_dl = DataLoader(CropDataset(test_df, eval_tf), shuffle=False, **kw)

    model = timm.create_model(cfg["arch"], pretrained=True, num_classes=len(sku_ids),
                              drop_path_rate=cfg["drop_path_rate"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = CosineLRScheduler(optimizer, t_initial=cfg["epochs"], warmup_t=cfg["warmup_epochs"],
                                  warmup_lr_init=1e-6, lr_min=1e-6)
    criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.1)

    best = -1.0
    for epoch in range(cfg["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            optimizer.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
        scheduler.step(epoch + 1)
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val {val}")
        if val["macro_f1"] > best:
            best = val["macro_f1"]
            torch.save(model.state_dict(), out / "best.pt")

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print("TEST (unseen stores):", test)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/convnext_sku.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
