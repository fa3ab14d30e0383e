"""RetinaNet for insect detection on yellow sticky-trap scans: default vs k-means anchors."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torchvision
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import RetinaNet_ResNet50_FPN_Weights, retinanet_resnet50_fpn
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.retinanet import RetinaNetHead
from torchvision.transforms import v2 as T

from anchors import best_possible_recall, box_wh, kmeans_anchors

NUM_CLASSES = 6  # whitefly, thrips, aphid, fungus_gnat, leafminer, other
DEFAULT_ANCHORS = ((32, 64, 128, 256, 512), (0.5, 1.0, 2.0))


def seed_all(seed):
    random.seed(seed); np.random.seed(seed); torch.manual_seed(seed); torch.cuda.manual_seed_all(seed)


def make_dl(root, split, train):
    tf = [T.ToImage(), T.RandomHorizontalFlip(), T.RandomVerticalFlip()] if train else [T.ToImage()]
    ds = torchvision.datasets.CocoDetection(f"{root}/images", f"{root}/annotations/{split}.json",
                                           transforms=T.Compose(tf + [T.ToDtype(torch.float32, scale=True)]))
    ds = torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))
    return torch.utils.data.DataLoader(ds, batch_size=4, shuffle=train, num_workers=4, collate_fn=lambda b: tuple(zip(*b)))


def build(sizes, ratios):
    gen = AnchorGenerator(tuple((s, s * 2 ** (1 / 3), s * 2 ** (2 / 3)) for s in sizes), (ratios,) * len(sizes))
    model = retinanet_resnet50_fpn(weights=RetinaNet_ResNet50_FPN_Weights.DEFAULT, anchor_generator=gen,
                                   min_size=1024, max_size=1024)
    model.head = RetinaNetHead(256, gen.num_anchors_per_location()[0], NUM_CLASSES)
    return model


@torch.no_grad()
def evaluate(model, dl, device):
    model.eval()
    metric = MeanAveragePrecision()
    for imgs, tgts in dl:
        metric.update([{k: v.cpu() for k, v in o.items()} for o in model([i.to(device) for i in imgs])], list(tgts))
    r = metric.compute()
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "map_small": float(r["map_small"])}


def fit(model, dls, device, out_path, epochs=40, patience=6):
    opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    best, stale = -1.0, 0
    for epoch in range(epochs):
        model.train()
        for imgs, tgts in dls["train"]:
            loss = sum(model([i.to(device) for i in imgs], [{k: v.to(device) for k, v in t.items()} for t in tgts]).values())
            opt.zero_grad(); loss.backward(); opt.step()
        sched.step()
        val = evaluate(model, dls["val"], device)
        if val["map"] > best:
            best, stale = val["map"], 0
            torch.save(model.state_dict(), out_path)
        else:
            stale += 1
            if stale >= patience:
                break
    model.load_state_dict(torch.load(out_path))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/sticky_traps")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--out", default="runs/sticky_retinanet")
    args = ap.parse_args()
    seed_all(args.seed)
    device = torch.device("cuda")
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)

    scale = 1024 / 4000  # scans are 4000x4000, resized to 1024
    train_wh = box_wh(f"{args.root}/annotations/train.json", scale)
    val_wh = box_wh(f"{args.root}/annotations/val.json", scale)
    km_sizes, km_ratios = kmeans_anchors(train_wh, seed=args.seed)
    variants = {"default": DEFAULT_ANCHORS, "kmeans": (km_sizes, km_ratios)}
    for name, (s, r) in variants.items():
        print(name, s, r, "BPR train/val:", best_possible_recall(train_wh, s, r), best_possible_recall(val_wh, s, r))

    dls = {s: make_dl(args.root, s, s == "train") for s in ("train", "val", "test")}
    val_scores = {}
    for name, (sizes, ratios) in variants.items():
        seed_all(args.seed)
        model = build(sizes, ratios).to(device)
        val_scores[name] = fit(model, dls, device, out / f"{name}.pt")
    chosen = max(val_scores, key=val_scores.get)

    model = build(*variants[chosen]).to(device)
    model.load_state_dict(torch.load(out / f"{chosen}.pt"))
    report = {"val_map": val_scores, "chosen": chosen, "anchors": variants[chosen],
              "test": evaluate(model, dls["test"], device)}
    json.dump(report, open(out / "report.json", "w"), indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
