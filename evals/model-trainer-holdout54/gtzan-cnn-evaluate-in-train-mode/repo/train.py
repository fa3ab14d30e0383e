import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from genre.dataset import GTZANSegments
from genre.engine import evaluate, train_one_epoch
from genre.model import GenreCNN


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_loader(cfg, split, shuffle):
    ds = GTZANSegments(cfg["data"]["audio_dir"], cfg["data"]["split_csv"], split,
                       cfg["data"]["sample_rate"], cfg["data"]["segment_seconds"], random_crop=shuffle)
    return DataLoader(ds, batch_size=cfg["optim"]["batch_size"], shuffle=shuffle, num_workers=4)


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    train_dl = make_loader(cfg, "train", shuffle=True)
    val_dl = make_loader(cfg, "valid", shuffle=False)
    test_dl = make_loader(cfg, "test", shuffle=False)

    model = GenreCNN(cfg["model"]["channels"], cfg["model"]["dropout"]).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"],
                                  weight_decay=cfg["optim"]["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=3)

    best_loss, stale, history = float("inf"), 0, []
    for epoch in range(cfg["optim"]["max_epochs"]):
        train_loss = train_one_epoch(model, train_dl, criterion, optimizer, device)
        val = evaluate(model, val_dl, criterion, device)
        scheduler.step(val["loss"])
        history.append({"epoch": epoch, "train_loss": train_loss, **val})
        print(f"[{epoch:02d}] train {train_loss:.4f} | val loss {val['loss']:.4f} "
              f"acc {val['accuracy']:.3f} f1 {val['macro_f1']:.3f}")
        if val["loss"] < best_loss:
            best_loss, stale = val["loss"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            stale += 1
            if stale >= cfg["optim"]["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, criterion, device)
    print(f"test: acc {test['accuracy']:.3f} macro-F1 {test['macro_f1']:.3f} (chance 0.100)")
    json.dump({"history": history, "test": test}, open(out_dir / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
