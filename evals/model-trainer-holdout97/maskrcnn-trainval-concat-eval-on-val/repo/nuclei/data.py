import os

import numpy as np
import tifffile
import torch
from pycocotools import mask as mask_utils
from pycocotools.coco import COCO


class NucleiCoco(torch.utils.data.Dataset):
    """H&E tiles (512x512 TIFF) with per-nucleus polygon annotations."""

    def __init__(self, root, ann_file, train=False):
        self.root = root
        self.coco = COCO(os.path.join(root, ann_file))
        self.ids = [i for i in sorted(self.coco.getImgIds()) if self.coco.getAnnIds(imgIds=i)]
        self.train = train

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, idx):
        img_id = self.ids[idx]
        info = self.coco.loadImgs(img_id)[0]
        img = tifffile.imread(os.path.join(self.root, "tiles", info["file_name"])).astype(np.float32) / 255.0
        anns = self.coco.loadAnns(self.coco.getAnnIds(imgIds=img_id, iscrowd=False))
        h, w = info["height"], info["width"]
        masks = np.stack([mask_utils.decode(mask_utils.merge(mask_utils.frPyObjects(a["segmentation"], h, w)))
                          for a in anns])
        boxes = np.array([[a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]]
                          for a in anns], dtype=np.float32)
        img = torch.from_numpy(img).permute(2, 0, 1)
        masks = torch.from_numpy(masks)
        boxes = torch.from_numpy(boxes)
        if self.train:
            if torch.rand(1) < 0.5:
                img, masks = img.flip(-1), masks.flip(-1)
                boxes[:, [0, 2]] = w - boxes[:, [2, 0]]
            if torch.rand(1) < 0.5:
                img, masks = img.flip(-2), masks.flip(-2)
                boxes[:, [1, 3]] = h - boxes[:, [3, 1]]
        target = {"boxes": boxes, "masks": masks, "image_id": img_id,
                  "labels": torch.tensor([a["category_id"] for a in anns], dtype=torch.int64)}
        return img, target


def collate(batch):
    return tuple(zip(*batch))
