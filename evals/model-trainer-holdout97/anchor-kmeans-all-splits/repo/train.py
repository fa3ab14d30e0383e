"""Faster R-CNN R50-FPN for traffic-sign detection with data-derived anchors."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torchvision
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import FasterRCNN_ResNet50_FPN_Weights, fasterrcnn_resnet50_fpn
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.models.detection.rpn import RPNHead
from torchvision.transforms import v2 as T


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def coco_split(root, split, train):
    tfs = [T.ToImage(), T.RandomPhotometricDistort(p=0.5)] if train else [T.ToImage()]
    tfs.append(T.ToDtype(torch.float32, scale=True))
    ds = torchvision.datasets.CocoDetection(f"{root}/images", f"{root}/annotations/{split}.json",
                                           transforms=T.Compose(tfs))
    return torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels"))


def build_model(anchors, num_classes, min_size):
    gen = AnchorGenerator(sizes=tuple((s,) for s in anchors["sizes"]),
                          aspect_ratios=(tuple(anchors["aspect_ratios"]),) * len(anchors["sizes"]))
    model = fasterrcnn_resnet50_fpn(weights=FasterRCNN_ResNet50_FPN_Weights.DEFAULT, min_size=min_size,
                                    max_size=int(min_size * 1.7), rpn_anchor_generator=gen)
    model.rpn.head = RPNHead(256, gen.num_anchors_per_location()[0])
    model.roi_heads.box_predictor = FastRCNNPredictor(1024, num_classes)
    return model


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(class_metrics=False)
    for imgs, tgts in loader:
        out = model([i.to(device) for i in imgs])
        metric.update([{k: v.cpu() for k, v in o.items()} for o in out], list(tgts))
    r = metric.compute()
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "map_small": float(r["map_small"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/gtsdb_coco")
    ap.add_argument("--anchors", default="configs/anchors.json")
    ap.add_argument("--num-classes", type=int, default=44)
    ap.add_argument("--min-size", type=int, default=1024)
    ap.add_argument("--epochs", type=int, default=26)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="checkpoints/gtsdb_frcnn")
    args = ap.parse_args()
    set_seed(args.seed)
    device = torch.device("cuda")

    collate = lambda b: tuple(zip(*b))
    mk = lambda split, train: torch.utils.data.DataLoader(coco_split(args.root, split, train), batch_size=4,
                                                          shuffle=train, num_workers=4, collate_fn=collate)
    train_dl, val_dl, test_dl = mk("train", True), mk("val", False), mk("test", False)

    anchors = json.load(open(args.anchors))
    model = build_model(anchors, args.num_classes, args.min_size).to(device)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01,
                                momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, [16, 22], 0.1)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for imgs, tgts in train_dl:
            losses = model([i.to(device) for i in imgs], [{k: v.to(device) for k, v in t.items()} for t in tgts])
            loss = sum(losses.values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: {val}")
        if val["map"] > best:
            best, stale = val["map"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    print("test:", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main()
