import json
import random

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset
import torchvision.transforms.functional as TF

# COCO keypoint order; pairs swapped on horizontal flip
FLIP_PAIRS = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (13, 14), (15, 16)]
MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


class PersonCropDataset(Dataset):
    """Single-person crops from a COCO-format keypoint file (our gym footage export)."""

    def __init__(self, ann_file, img_dir, size=256, train=True):
        coco = json.load(open(ann_file))
        self.images = {im["id"]: im["file_name"] for im in coco["images"]}
        self.anns = [a for a in coco["annotations"] if a["num_keypoints"] >= 8 and not a.get("iscrowd", 0)]
        self.img_dir, self.size, self.train = img_dir, size, train

    def __len__(self):
        return len(self.anns)

    def __getitem__(self, i):
        ann = self.anns[i]
        img = Image.open(f"{self.img_dir}/{self.images[ann['image_id']]}").convert("RGB")
        x, y, w, h = ann["bbox"]
        pad = 0.15 * max(w, h)
        x0, y0, side = x - pad, y - pad, max(w, h) + 2 * pad
        crop = img.crop((int(x0), int(y0), int(x0 + side), int(y0 + side))).resize((self.size, self.size))

        kp = np.array(ann["keypoints"], dtype=np.float32).reshape(17, 3)
        xy = (kp[:, :2] - [x0, y0]) / side                     # normalised to [0, 1] in the crop
        vis = (kp[:, 2] > 0).astype(np.float32)

        if self.train and random.random() < 0.5:
            crop = TF.hflip(crop)
            xy[:, 0] = 1.0 - xy[:, 0]
            for a, b in FLIP_PAIRS:
                xy[[a, b]], vis[[a, b]] = xy[[b, a]], vis[[b, a]]

        t = TF.normalize(TF.to_tensor(crop), MEAN, STD)
        return t, torch.from_numpy(xy.reshape(-1)), torch.from_numpy(vis), torch.tensor(side, dtype=torch.float32)
