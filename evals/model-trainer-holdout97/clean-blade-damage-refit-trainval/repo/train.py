"""Wind-turbine blade damage detection (erosion, crack, lightning strike, delamination).

Stage 1 picks the number of epochs on val; stage 2 retrains on train+val for that many epochs and
reports the held-out test set once.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import ConcatDataset
from torchvision.models.detection import FasterRCNN_ResNet50_FPN_Weights, fasterrcnn_resnet50_fpn
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

from bladedet.data import blade_dataset, make_loader
from bladedet.engine import loss_on, map_on, train_epoch

NUM_CLASSES = 5


def seed_all(seed):
    random.seed(seed); np.random.seed(seed); torch.manual_seed(seed); torch.cuda.manual_seed_all(seed)


def new_model(device):
    model = fasterrcnn_resnet50_fpn(weights=FasterRCNN_ResNet50_FPN_Weights.DEFAULT, min_size=1024, max_size=1600)
    model.roi_heads.box_predictor = FastRCNNPredictor(1024, NUM_CLASSES)
    return model.to(device)


def new_optim(model, epochs):
    opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9,
                          weight_decay=1e-4)
    return opt, torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/blade_damage")
    ap.add_argument("--max-epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", default="runs/blade_frcnn")
    args = ap.parse_args()
    device = torch.device("cuda")
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)

    train_ds = blade_dataset(args.root, "train", train=True)
    val_ds = blade_dataset(args.root, "val", train=False)
    test_ds = blade_dataset(args.root, "test", train=False)

    # stage 1: train on train, early-stop on val mAP
    seed_all(args.seed)
    model = new_model(device)
    opt, sched = new_optim(model, args.max_epochs)
    train_dl, val_dl = make_loader(train_ds, True), make_loader(val_ds, False)
    best_map, best_epoch, stale, log = -1.0, 0, 0, []
    for epoch in range(args.max_epochs):
        tr_loss = train_epoch(model, train_dl, opt, device)
        sched.step()
        val = {"val_loss": loss_on(model, val_dl, device), **map_on(model, val_dl, device)}
        log.append({"epoch": epoch, "train_loss": tr_loss, **val})
        print(log[-1])
        if val["map"] > best_map:
            best_map, best_epoch, stale = val["map"], epoch, 0
            torch.save(model.state_dict(), out / "stage1_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    # stage 2: same recipe on train+val for best_epoch + 1 epochs
    seed_all(args.seed)
    n_epochs = best_epoch + 1
    final = new_model(device)
    opt, sched = new_optim(final, n_epochs)
    trval_ds = ConcatDataset([train_ds, blade_dataset(args.root, "val", train=True)])
    trval_dl = make_loader(trval_ds, True)
    for epoch in range(n_epochs):
        train_epoch(final, trval_dl, opt, device)
        sched.step()
    torch.save(final.state_dict(), out / "final_trainval.pt")

    stage1 = new_model(device)
    stage1.load_state_dict(torch.load(out / "stage1_best.pt"))
    test_dl = make_loader(test_ds, False)
    report = {"best_epoch": best_epoch, "stage1_val": best_map, "log": log,
              "test_stage1_train_only": map_on(stage1, test_dl, device),
              "test_final_trainval": map_on(final, test_dl, device)}
    json.dump(report, open(out / "report.json", "w"), indent=2)
    print(json.dumps({k: v for k, v in report.items() if k != "log"}, indent=2))


if __name__ == "__main__":
    main()
