"""Fine-tune Faster R-CNN (MobileNetV3-FPN) for pallet / forklift / person detection.

Splits were produced upstream by site (see data/README); this script only trains and evaluates.
"""
import argparse
import copy
import json
import math
import random
from pathlib import Path

import numpy as np
import torch
import torchvision
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
from torchvision.models.detection import (FasterRCNN_MobileNet_V3_Large_FPN_Weights,
                                          fasterrcnn_mobilenet_v3_large_fpn)
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.transforms import v2 as T

CLASSES = ["__background__", "pallet", "forklift", "person", "pallet_jack"]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def get_transform(train):
    tfs = [T.ToImage()]
    if train:
        tfs += [T.RandomHorizontalFlip(0.5), T.RandomIoUCrop(), T.SanitizeBoundingBoxes()]
    tfs += [T.ToDtype(torch.float32, scale=True)]
    return T.Compose(tfs)


def make_dataset(root, split, train):
    ds = torchvision.datasets.CocoDetection(f"{root}/images/{split}", f"{root}/annotations/{split}.json",
                                           transforms=get_transform(train))
    return torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels", "image_id"))


def collate(batch):
    return tuple(zip(*batch))


@torch.inference_mode()
def coco_map(model, loader, coco_gt, device):
    model.eval()
    results = []
    for images, targets in loader:
        outputs = model([img.to(device) for img in images])
        for tgt, out in zip(targets, outputs):
            boxes = out["boxes"].cpu()
            boxes[:, 2:] -= boxes[:, :2]
            for b, s, l in zip(boxes.tolist(), out["scores"].tolist(), out["labels"].tolist()):
                results.append({"image_id": int(tgt["image_id"]), "category_id": int(l), "bbox": b, "score": s})
    if not results:
        return {"AP": 0.0, "AP50": 0.0, "AR100": 0.0}
    ev = COCOeval(coco_gt, coco_gt.loadRes(results), "bbox")
    ev.evaluate()
    ev.accumulate()
    ev.summarize()
    return {"AP": ev.stats[0], "AP50": ev.stats[1], "AR100": ev.stats[8]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data/warehouse_coco")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--lr", type=float, default=0.02)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", default="checkpoints/warehouse_frcnn_mbv3")
    args = ap.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    train_ds = make_dataset(args.root, "train", train=True)
    val_ds = make_dataset(args.root, "val", train=False)
    test_ds = make_dataset(args.root, "test", train=False)
    loader_kw = dict(batch_size=args.batch_size, num_workers=6, collate_fn=collate)
    train_loader = torch.utils.data.DataLoader(train_ds, shuffle=True, **loader_kw)
    val_loader = torch.utils.data.DataLoader(val_ds, shuffle=False, **loader_kw)
    test_loader = torch.utils.data.DataLoader(test_ds, shuffle=False, **loader_kw)

    model = fasterrcnn_mobilenet_v3_large_fpn(weights=FasterRCNN_MobileNet_V3_Large_FPN_Weights.DEFAULT)
    in_features = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_features, len(CLASSES))
    model.to(device)

    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=args.lr, momentum=0.9, weight_decay=4e-5)
    steps_per_epoch = len(train_loader)
    warmup = min(1000, steps_per_epoch - 1)
    lr_lambda = lambda it: min(1.0, (it + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * it / (args.epochs * steps_per_epoch)))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    scaler = torch.cuda.amp.GradScaler()

    best_ap, bad, history = -1.0, 0, []
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        epoch_loss = 0.0
        for images, targets in train_loader:
            images = [img.to(device) for img in images]
            targets = [{k: v.to(device) for k, v in t.items() if k != "image_id"} for t in targets]
            with torch.autocast("cuda", dtype=torch.float16):
                loss_dict = model(images, targets)
                loss = sum(loss_dict.values())
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            epoch_loss += loss.item()

        val = coco_map(model, val_loader, COCO(f"{args.root}/annotations/val.json"), device)
        history.append({"epoch": epoch, "loss": epoch_loss / steps_per_epoch, **val})
        print(history[-1])
        if val["AP"] > best_ap:
            best_ap, bad = val["AP"], 0
            best_state = copy.deepcopy(model.state_dict())
            torch.save(best_state, out / "best.pt")
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(best_state)
    test = coco_map(model, test_loader, COCO(f"{args.root}/annotations/test.json"), device)
    json.dump({"history": history, "test": test}, open(out / "metrics.json", "w"), indent=2)
    print("test", test)


if __name__ == "__main__":
    main()
