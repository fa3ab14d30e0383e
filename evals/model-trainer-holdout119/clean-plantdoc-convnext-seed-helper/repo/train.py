import argparse
import json
import os

import timm
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import classification_report, f1_score

from data import make_loaders
from utils import AverageMeter, set_seed


def run_eval(model, loader, device):
    model.eval()
    ys, ps = [], []
    with torch.inference_mode():
        for x, y in loader:
            logits = model(x.to(device, non_blocking=True))
            ps.append(logits.argmax(1).cpu())
            ys.append(y)
    ys, ps = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return f1_score(ys, ps, average="macro"), ys, ps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl, val_dl, test_dl, classes = make_loaders(cfg, cfg["seed"])
    model = timm.create_model("convnext_tiny.fb_in22k", pretrained=True, num_classes=len(classes), drop_path_rate=0.1)
    model.to(device)

    o = cfg["optim"]
    opt = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=o["epochs"])
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)
    os.makedirs(cfg["out_dir"], exist_ok=True)
    ckpt = os.path.join(cfg["out_dir"], "best.pt")

    best, wait = -1.0, 0
    for epoch in range(o["epochs"]):
        model.train()
        meter = AverageMeter()
        for x, y in train_dl:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            opt.zero_grad(set_to_none=True)
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            meter.update(loss.item(), x.size(0))
        sched.step()

        val_f1, _, _ = run_eval(model, val_dl, device)
        print(f"[{epoch + 1:02d}] train_loss={meter.avg:.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best:
            best, wait = val_f1, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= o["patience"]:
                print("early stop")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_f1, ys, ps = run_eval(model, test_dl, device)
    print(classification_report(ys, ps, target_names=classes, digits=3, zero_division=0))
    with open(os.path.join(cfg["out_dir"], "test_metrics.json"), "w") as f:
        json.dump({"best_val_macro_f1": best, "test_macro_f1": test_f1}, f, indent=2)


if __name__ == "__main__":
    main()
