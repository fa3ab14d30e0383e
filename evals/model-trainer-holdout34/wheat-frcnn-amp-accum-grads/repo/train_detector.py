"""Global-wheat-head style detector: Faster R-CNN v2, AMP + gradient accumulation.

Boxes come from train.csv (image_id, x, y, w, h, source). Images are grouped by `source`
(acquisition site) so val/test domains are unseen during training.
"""
import argparse
import ast
import logging
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.cuda.amp import GradScaler, autocast
from torch.utils.data import DataLoader, Dataset
from torchmetrics.detection import MeanAveragePrecision
from torchvision.models.detection import fasterrcnn_resnet50_fpn_v2, FasterRCNN_ResNet50_FPN_V2_Weights
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("wheat")

CFG = dict(
    img_dir="data/wheat/train",
    csv="data/wheat/train.csv",
    out="runs/frcnn_v2",
    epochs=30,
    batch_size=4,
    accum_steps=4,
    lr=0.01,
    patience=5,
    seed=1234,
)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class WheatDataset(Dataset):
    def __init__(self, boxes_df, image_ids, img_dir, tfm):
        self.groups = boxes_df.groupby("image_id")
        self.image_ids = list(image_ids)
        self.img_dir = Path(img_dir)
        self.tfm = tfm

    def __len__(self):
        return len(self.image_ids)

    def __getitem__(self, idx):
        iid = self.image_ids[idx]
        img = cv2.cvtColor(cv2.imread(str(self.img_dir / f"{iid}.jpg")), cv2.COLOR_BGR2RGB)
        rows = self.groups.get_group(iid)
        boxes = rows[["x", "y", "w", "h"]].to_numpy(dtype=np.float32)
        boxes[:, 2:] += boxes[:, :2]
        out = self.tfm(image=img, bboxes=boxes, labels=np.ones(len(boxes)))
        img_t = torch.from_numpy(out["image"].transpose(2, 0, 1)).float() / 255.0
        b = torch.as_tensor(np.array(out["bboxes"]), dtype=torch.float32).reshape(-1, 4)
        target = {"boxes": b, "labels": torch.ones(len(b), dtype=torch.int64)}
        return img_t, target


def collate(batch):
    return tuple(zip(*batch))


def make_tfms(train):
    bbox = A.BboxParams(format="pascal_voc", label_fields=["labels"], min_visibility=0.3)
    if train:
        return A.Compose([
            A.RandomSizedBBoxSafeCrop(800, 800, p=0.5),
            A.HorizontalFlip(p=0.5),
            A.VerticalFlip(p=0.5),
            A.HueSaturationValue(10, 20, 10, p=0.5),
            A.Resize(1024, 1024),
        ], bbox_params=bbox)
    return A.Compose([A.Resize(1024, 1024)], bbox_params=bbox)


def build_model():
    model = fasterrcnn_resnet50_fpn_v2(weights=FasterRCNN_ResNet50_FPN_V2_Weights.COCO_V1)
    in_feats = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_feats, 2)
    return model


@torch.no_grad()
def evaluate_map(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(iou_type="bbox")
    for images, targets in loader:
        images = [im.to(device) for im in images]
        preds = model(images)
        metric.update([{k: v.cpu() for k, v in p.items()} for p in preds], list(targets))
    res = metric.compute()
    return {"map": res["map"].item(), "map_50": res["map_50"].item(), "mar_100": res["mar_100"].item()}


def main():
    ap = argparse.ArgumentParser()
    for k, v in CFG.items():
        ap.add_argument(f"--{k}", type=type(v), default=v)
    cfg = ap.parse_args()
    seed_all(cfg.seed)
    device = torch.device("cuda")
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(cfg.csv)
    df[["x", "y", "w", "h"]] = pd.DataFrame(df.bbox.apply(ast.literal_eval).tolist(), index=df.index)
    images = df.drop_duplicates("image_id")[["image_id", "source"]].reset_index(drop=True)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg.seed)
    dev_idx, test_idx = next(gss.split(images, groups=images.source))
    dev, test = images.iloc[dev_idx], images.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg.seed)
    tr_idx, va_idx = next(gss_val.split(dev, groups=dev.source))
    train_ids, val_ids = dev.image_id.iloc[tr_idx], dev.image_id.iloc[va_idx]
    log.info("train %d / val %d / test %d images", len(train_ids), len(val_ids), len(test))

    train_dl = DataLoader(WheatDataset(df, train_ids, cfg.img_dir, make_tfms(True)), batch_size=cfg.batch_size,
                          shuffle=True, num_workers=4, collate_fn=collate)
    val_dl = DataLoader(WheatDataset(df, val_ids, cfg.img_dir, make_tfms(False)), batch_size=cfg.batch_size,
                        num_workers=4, collate_fn=collate)
    test_dl = DataLoader(WheatDataset(df, test.image_id, cfg.img_dir, make_tfms(False)), batch_size=cfg.batch_size,
                         num_workers=4, collate_fn=collate)

    model = build_model().to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=cfg.lr, momentum=0.9, weight_decay=5e-4)
    steps_per_epoch = len(train_dl) // cfg.accum_steps
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg.lr, epochs=cfg.epochs,
                                                    steps_per_epoch=steps_per_epoch, pct_start=0.1)
    scaler = GradScaler()

    zero_shot = evaluate_map(build_model().to(device), val_dl, device)
    log.info("untrained-head reference val mAP %.4f", zero_shot["map"])

    best_map, stale = -1.0, 0
    for epoch in range(cfg.epochs):
        model.train()
        running = 0.0
        for step, (imgs, targets) in enumerate(train_dl):
            imgs = [im.to(device) for im in imgs]
            targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
            with autocast():
                loss_dict = model(imgs, targets)
                loss = sum(loss_dict.values()) / cfg.accum_steps
            scaler.scale(loss).backward()
            running += loss.item() * cfg.accum_steps
            if (step + 1) % cfg.accum_steps == 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(params, max_norm=10.0)
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()

        val = evaluate_map(model, val_dl, device)
        log.info("epoch %d loss %.4f val mAP %.4f mAP50 %.4f mAR100 %.4f",
                 epoch, running / len(train_dl), val["map"], val["map_50"], val["mar_100"])
        if val["map"] > best_map:
            best_map, stale = val["map"], 0
            torch.save(model.state_dict(), out / "best.pth")
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(out / "best.pth", map_location=device))
    res = evaluate_map(model, test_dl, device)
    log.info("held-out sites: mAP %.4f mAP50 %.4f mAR100 %.4f", res["map"], res["map_50"], res["mar_100"])


if __name__ == "__main__":
    main()
