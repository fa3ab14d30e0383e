"""Shelf SKU dataset -> CenterNet targets (heatmap, size, offset) at stride 4."""
import json
import math
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
MAX_OBJS = 128


def gaussian_radius(h, w, min_overlap=0.7):
    a, b, c = 1, h + w, w * h * (1 - min_overlap) / (1 + min_overlap)
    return max(0, int((b + math.sqrt(b ** 2 - 4 * a * c)) / 2))


def draw_gaussian(hm, cx, cy, radius):
    d = 2 * radius + 1
    ys, xs = np.ogrid[-radius:radius + 1, -radius:radius + 1]
    g = np.exp(-(xs * xs + ys * ys) / (2 * (d / 6) ** 2))
    h, w = hm.shape
    l, r = min(cx, radius), min(w - cx, radius + 1)
    t, b = min(cy, radius), min(h - cy, radius + 1)
    np.maximum(hm[cy - t:cy + b, cx - l:cx + r], g[radius - t:radius + b, radius - l:radius + r],
               out=hm[cy - t:cy + b, cx - l:cx + r])


class ShelfHeatmapDataset(torch.utils.data.Dataset):
    def __init__(self, root, split, input_size=512, augment=False, stride=4):
        self.root = Path(root)
        with open(self.root / f"{split}.json") as f:
            coco = json.load(f)
        self.num_classes = len(coco["categories"])
        self.images = coco["images"]
        self.anns = {}
        for a in coco["annotations"]:
            self.anns.setdefault(a["image_id"], []).append(a)
        self.size, self.stride = input_size, stride
        tf = [A.LongestMaxSize(input_size), A.PadIfNeeded(input_size, input_size, border_mode=cv2.BORDER_CONSTANT)]
        if augment:
            tf += [A.HorizontalFlip(p=0.5), A.RandomBrightnessContrast(p=0.3), A.ShiftScaleRotate(0.05, 0.1, 0, p=0.3)]
        self.tf = A.Compose(tf, bbox_params=A.BboxParams(format="coco", label_fields=["labels"], min_visibility=0.3))

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        info = self.images[i]
        img = cv2.cvtColor(cv2.imread(str(self.root / "images" / info["file_name"])), cv2.COLOR_BGR2RGB)
        anns = self.anns.get(info["id"], [])
        out = self.tf(image=img, bboxes=[a["bbox"] for a in anns], labels=[a["category_id"] - 1 for a in anns])
        img = (out["image"].astype(np.float32) / 255.0 - MEAN) / STD
        o = self.size // self.stride
        hm = np.zeros((self.num_classes, o, o), np.float32)
        wh, reg = np.zeros((2, o, o), np.float32), np.zeros((2, o, o), np.float32)
        mask = np.zeros((o, o), np.float32)
        gt_boxes = []
        for (x, y, w, h), c in zip(out["bboxes"][:MAX_OBJS], out["labels"]):
            cx, cy = (x + w / 2) / self.stride, (y + h / 2) / self.stride
            ix, iy = min(int(cx), o - 1), min(int(cy), o - 1)
            draw_gaussian(hm[c], ix, iy, gaussian_radius(h / self.stride, w / self.stride))
            wh[:, iy, ix] = (w / self.stride, h / self.stride)
            reg[:, iy, ix] = (cx - ix, cy - iy)
            mask[iy, ix] = 1
            gt_boxes.append([x, y, x + w, y + h])
        gt = {"boxes": torch.tensor(gt_boxes, dtype=torch.float32).reshape(-1, 4),
              "labels": torch.tensor(list(out["labels"])[:MAX_OBJS], dtype=torch.int64)}
        return {"image": torch.from_numpy(img).permute(2, 0, 1), "hm": torch.from_numpy(hm),
                "wh": torch.from_numpy(wh), "reg": torch.from_numpy(reg), "mask": torch.from_numpy(mask), "gt": gt}


def collate_heatmaps(batch):
    out = {k: torch.stack([b[k] for b in batch]) for k in ("image", "hm", "wh", "reg", "mask")}
    out["gt"] = [b["gt"] for b in batch]
    return out
