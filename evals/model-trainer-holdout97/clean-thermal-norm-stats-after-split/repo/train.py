"""FCOS pedestrian / cyclist / car detector on thermal (LWIR) driving footage."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torchvision
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import FCOS_ResNet50_FPN_Weights, fcos_resnet50_fpn
from torchvision.models.detection.fcos import FCOSClassificationHead
from torchvision.transforms import v2 as T

from thermal.splits import split_by_sequence, write_subset
from thermal.stats import channel_stats


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def loader(image_dir, ann_file, train, bs):
    tf = [T.ToImage(), T.Grayscale(num_output_channels=3)]
    if train:
        tf += [T.RandomHorizontalFlip(), T.RandomAffine(degrees=0, translate=(0.05, 0.05), scale=(0.9, 1.1))]
    tf += [T.ToDtype(torch.float32, scale=True), T.SanitizeBoundingBoxes()]
    ds = torchvision.datasets.CocoDetection(image_dir, ann_file, transforms=T.Compose(tf))
    ds = torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))
    return torch.utils.data.DataLoader(ds, batch_size=bs, shuffle=train, num_workers=6,
                                       collate_fn=lambda b: tuple(zip(*b)))


@torch.no_grad()
def evaluate(model, dl, device):
    model.eval()
    m = MeanAveragePrecision()
    for imgs, tgts in dl:
        m.update([{k: v.cpu() for k, v in p.items()} for p in model([i.to(device) for i in imgs])], list(tgts))
    r = m.compute()
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "map_small": float(r["map_small"]),
            "mar_100": float(r["mar_100"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/thermal_drive")
    ap.add_argument("--seed", type=int, default=77)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--bs", type=int, default=8)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--out", default="runs/fcos_thermal")
    args = ap.parse_args()
    seed_all(args.seed)
    device = torch.device("cuda")
    root, out = Path(args.root), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    coco = json.load(open(root / "annotations" / "all.json"))
    splits = split_by_sequence(coco, val_size=0.15, test_size=0.15, seed=args.seed)
    for name, ids in splits.items():
        write_subset(coco, ids, out / "splits" / f"{name}.json")

    train_files = [im["file_name"] for im in coco["images"] if im["id"] in set(splits["train"])]
    mean, std = channel_stats([root / "images" / f for f in train_files])
    json.dump({"mean": mean, "std": std}, open(out / "norm_stats.json", "w"))

    dls = {s: loader(root / "images", out / "splits" / f"{s}.json", s == "train", args.bs) for s in splits}
    model = fcos_resnet50_fpn(weights=FCOS_ResNet50_FPN_Weights.DEFAULT, image_mean=mean, image_std=std,
                              min_size=512, max_size=640)
    n_anchors = model.head.classification_head.num_anchors
    model.head.classification_head = FCOSClassificationHead(256, n_anchors, num_classes=4)
    model.to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.005, momentum=0.9, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)

    best, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for imgs, tgts in dls["train"]:
            losses = model([i.to(device) for i in imgs], [{k: v.to(device) for k, v in t.items()} for t in tgts])
            loss = sum(losses.values())
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        sched.step()
        val = evaluate(model, dls["val"], device)
        print(epoch, val)
        if val["map"] > best:
            best, stale = val["map"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    test = evaluate(model, dls["test"], device)
    json.dump({"val_best_map": best, "test": test}, open(out / "metrics.json", "w"), indent=2)
    print("test", test)


if __name__ == "__main__":
    main()
