import os
import random

import numpy as np
import torch
import torchvision
from PIL import Image
from transformers import set_seed


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    set_seed(seed)


class CocoForDetr(torchvision.datasets.CocoDetection):
    """COCO dataset that returns DETR-ready pixel_values + labels via the HF image processor."""

    def __init__(self, img_dir, ann_file, processor, augment=None):
        super().__init__(img_dir, ann_file)
        self.processor = processor
        self.augment = augment

    def __getitem__(self, idx):
        img, anns = super().__getitem__(idx)
        if self.augment is not None:
            img, anns = self.augment(img, anns)
        image_id = self.ids[idx]
        enc = self.processor(images=img, annotations={"image_id": image_id, "annotations": anns},
                             return_tensors="pt")
        return {"pixel_values": enc["pixel_values"][0], "labels": enc["labels"][0]}


def hflip(img, anns, p=0.5):
    if random.random() >= p:
        return img, anns
    w = img.width
    flipped = []
    for a in anns:
        x, y, bw, bh = a["bbox"]
        flipped.append({**a, "bbox": [w - x - bw, y, bw, bh]})
    return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT), flipped


def make_collate(processor):
    def collate(batch):
        padded = processor.pad([b["pixel_values"] for b in batch], return_tensors="pt")
        return {"pixel_values": padded["pixel_values"], "pixel_mask": padded["pixel_mask"],
                "labels": [b["labels"] for b in batch]}
    return collate


def cxcywh_to_xyxy_abs(boxes, size):
    h, w = size.tolist()
    cx, cy, bw, bh = boxes.unbind(-1)
    return torch.stack([(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h], dim=-1)
