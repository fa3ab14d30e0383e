import argparse
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score

from lcz.data import make_loaders
from lcz.seeding import seed_everything


def build_model(n_bands, n_classes, width):
    def stage(cin, cout):
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.GELU(),
                             nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.GELU())
    return nn.Sequential(
        stage(n_bands, width), nn.MaxPool2d(2),
        stage(width, width * 2), nn.MaxPool2d(2),
        stage(width * 2, width * 4), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Dropout(0.3), nn.Linear(width * 4, n_classes),
    )


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ys, ps, loss_sum = [], [], 0.0
    for x, y in loader:
        logits = model(x.to(device))
        loss_sum += nn.functional.cross_entropy(logits, y.to(device), reduction="sum").item()
        ys.append(y.numpy())
        ps.append(logits.argmax(1).cpu().numpy())
    y, p = np.concatenate(ys), np.concatenate(ps)
    return loss_sum / len(y), y, p


def main(cfg):
    generator = seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_dl, val_dl, test_dl, y_train = make_loaders(cfg, generator)

    model = build_model(cfg["model"]["bands"], cfg["model"]["classes"], cfg["model"]["width"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["wd"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2)
    ckpt = Path(cfg["train"]["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_loss, wait = float("inf"), 0
    for epoch in range(cfg["train"]["max_epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
        val_loss, yv, pv = predict(model, val_dl, device)
        sched.step(val_loss)
        print(f"epoch {epoch:02d} val_loss {val_loss:.4f} val_acc {accuracy_score(yv, pv):.4f} "
              f"val_f1 {f1_score(yv, pv, average='macro'):.4f}")
        if val_loss < best_loss - 1e-4:
            best_loss, wait = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "cfg": cfg}, ckpt)
        else:
            wait += 1
            if wait >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    _, yt, pt = predict(model, test_dl, device)
    majority = np.full_like(yt, np.bincount(y_train).argmax())
    results = {}
    for name, p in [("majority", majority), ("cnn", pt)]:
        results[name] = {"oa": accuracy_score(yt, p), "macro_f1": f1_score(yt, p, average="macro"),
                         "kappa": cohen_kappa_score(yt, p)}
        print(name, {k: round(v, 4) for k, v in results[name].items()})
    Path(cfg["train"]["results"]).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/lcz_cnn.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
