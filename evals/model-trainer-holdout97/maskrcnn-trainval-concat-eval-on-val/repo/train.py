"""Mask R-CNN for nuclei instance segmentation on H&E tiles."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import ConcatDataset, DataLoader
from torchvision.models.detection import maskrcnn_resnet50_fpn_v2, MaskRCNN_ResNet50_FPN_V2_Weights
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.models.detection.mask_rcnn import MaskRCNNPredictor

from nuclei.data import NucleiCoco, collate
from nuclei.engine import coco_evaluate, train_one_epoch


def build_model(mcfg):
    anchors = AnchorGenerator(sizes=tuple((s,) for s in mcfg["rpn_anchor_sizes"]),
                              aspect_ratios=((0.5, 1.0, 2.0),) * len(mcfg["rpn_anchor_sizes"]))
    model = maskrcnn_resnet50_fpn_v2(weights=MaskRCNN_ResNet50_FPN_V2_Weights.DEFAULT,
                                     rpn_anchor_generator=anchors,
                                     box_detections_per_img=mcfg["box_detections_per_img"])
    model.roi_heads.box_predictor = FastRCNNPredictor(1024, mcfg["num_classes"])
    model.roi_heads.mask_predictor = MaskRCNNPredictor(256, 256, mcfg["num_classes"])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/maskrcnn_nuclei.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    device = torch.device("cuda")
    d, t = cfg["data"], cfg["train"]

    train_sets = [NucleiCoco(d["root"], d["train_ann"], train=True)]
    if d["use_val_for_training"]:
        train_sets.append(NucleiCoco(d["root"], d["val_ann"], train=True))
    val_set = NucleiCoco(d["root"], d["val_ann"], train=False)
    train_loader = DataLoader(ConcatDataset(train_sets), batch_size=t["batch_size"], shuffle=True,
                              num_workers=6, collate_fn=collate)
    val_loader = DataLoader(val_set, batch_size=t["batch_size"], shuffle=False, num_workers=6, collate_fn=collate)

    model = build_model(cfg["model"]).to(device)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=t["lr"],
                                momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=t["epochs"])
    scaler = torch.cuda.amp.GradScaler()

    out = Path(t["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best, stale, log = -1.0, 0, []
    for epoch in range(t["epochs"]):
        loss = train_one_epoch(model, optimizer, train_loader, device, scaler)
        scheduler.step()
        stats = coco_evaluate(model, val_loader, val_set.coco, device)
        log.append({"epoch": epoch, "train_loss": loss, **stats})
        print(log[-1])
        if stats["segm_AP"] > best:
            best, stale = stats["segm_AP"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= t["patience"]:
                break

    json.dump({"best_val_segm_AP": best, "log": log}, open(out / "metrics.json", "w"), indent=2)
    print(f"best val segm AP: {best:.4f}")


if __name__ == "__main__":
    main()
