"""Mask R-CNN for grape-cluster instance segmentation (yield estimation)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torchvision
import yaml
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
from pycocotools import mask as mask_utils
from torchvision.models.detection import MaskRCNN_ResNet50_FPN_Weights, maskrcnn_resnet50_fpn
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.models.detection.mask_rcnn import MaskRCNNPredictor
from torchvision.transforms import v2 as T


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loader(cfg, split, train):
    tf = [T.ToImage(), T.RandomHorizontalFlip(), T.ColorJitter(0.2, 0.2, 0.2)] if train else [T.ToImage()]
    tf.append(T.ToDtype(torch.float32, scale=True))
    root = cfg["data"]["root"]
    ds = torchvision.datasets.CocoDetection(f"{root}/images", f"{root}/{cfg['data'][split]}", transforms=T.Compose(tf))
    ds = torchvision.datasets.wrap_dataset_for_transforms_v2(ds, target_keys=("boxes", "labels", "masks", "image_id"))
    return torch.utils.data.DataLoader(ds, batch_size=cfg["optim"]["batch_size"], shuffle=train, num_workers=4,
                                       collate_fn=lambda b: tuple(zip(*b)))


@torch.no_grad()
def coco_eval(model, loader, ann_file, device):
    model.eval()
    gt, dets = COCO(ann_file), []
    for images, targets in loader:
        for t, o in zip(targets, model([i.to(device) for i in images])):
            for box, s, l, m in zip(o["boxes"].tolist(), o["scores"].tolist(), o["labels"].tolist(), o["masks"]):
                rle = mask_utils.encode(np.asfortranarray((m[0] > 0.5).cpu().numpy().astype(np.uint8)))
                rle["counts"] = rle["counts"].decode()
                dets.append({"image_id": int(t["image_id"]), "category_id": l, "score": s, "segmentation": rle,
                             "bbox": [box[0], box[1], box[2] - box[0], box[3] - box[1]]})
    out = {}
    for iou_type in ("bbox", "segm"):
        e = COCOeval(gt, gt.loadRes(dets), iou_type)
        e.evaluate(); e.accumulate(); e.summarize()
        out[f"{iou_type}_AP"], out[f"{iou_type}_AP50"], out[f"{iou_type}_AR100"] = e.stats[0], e.stats[1], e.stats[8]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    set_seed(cfg["seed"])
    device = torch.device("cuda")
    oc = cfg["optim"]
    root = cfg["data"]["root"]

    train_dl, val_dl, test_dl = (make_loader(cfg, s, s == "train") for s in ("train", "val", "test"))
    model = maskrcnn_resnet50_fpn(weights=MaskRCNN_ResNet50_FPN_Weights.DEFAULT,
                                  min_size=cfg["model"]["min_size"], max_size=cfg["model"]["max_size"])
    model.roi_heads.box_predictor = FastRCNNPredictor(1024, cfg["model"]["num_classes"])
    model.roi_heads.mask_predictor = MaskRCNNPredictor(256, 256, cfg["model"]["num_classes"])
    model.to(device)

    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=oc["lr"],
                                momentum=oc["momentum"], weight_decay=oc["weight_decay"])
    warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.001, total_iters=oc["warmup_iters"])

    out = Path(cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    best, stale, it = -1.0, 0, 0
    for epoch in range(oc["epochs"]):
        model.train()
        optimizer.zero_grad()
        for step, (images, targets) in enumerate(train_dl):
            images = [i.to(device) for i in images]
            targets = [{k: v.to(device) for k, v in t.items() if k != "image_id"} for t in targets]
            loss_dict = model(images, targets)
            loss = sum(loss_dict.values()) / oc["accumulate"]
            loss.backward()
            if (step + 1) % oc["accumulate"] == 0 or step + 1 == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
                optimizer.step()
                optimizer.zero_grad()
                if it < oc["warmup_iters"]:
                    warmup.step()
                it += 1
        if epoch in (24, 32):
            for g in optimizer.param_groups:
                g["lr"] *= 0.1

        val = coco_eval(model, val_dl, f"{root}/{cfg['data']['val']}", device)
        print(epoch, json.dumps(val))
        if val["segm_AP"] > best:
            best, stale = val["segm_AP"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= oc["patience"]:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    test = coco_eval(model, test_dl, f"{root}/{cfg['data']['test']}", device)
    json.dump({"best_val_segm_AP": best, "test": test}, open(out / "metrics.json", "w"), indent=2)
    print("test", test)


if __name__ == "__main__":
    main()
