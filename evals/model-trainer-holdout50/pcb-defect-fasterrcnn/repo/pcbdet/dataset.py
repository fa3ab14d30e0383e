"""Pascal-VOC style dataset for the PCB defect images."""
import xml.etree.ElementTree as ET
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset


def train_transforms():
    return A.Compose(
        [A.HorizontalFlip(p=0.5), A.VerticalFlip(p=0.5), A.RandomBrightnessContrast(p=0.3)],
        bbox_params=A.BboxParams(format="pascal_voc", label_fields=["labels"], min_visibility=0.3),
    )


class VOCDefectDataset(Dataset):
    def __init__(self, root, split, classes, transforms=None):
        self.root = Path(root) / split
        self.images = sorted((self.root / "images").glob("*.jpg"))
        self.class_to_idx = {c: i + 1 for i, c in enumerate(classes)}
        self.transforms = transforms

    def __len__(self):
        return len(self.images)

    def _parse(self, xml_path):
        boxes, labels = [], []
        for obj in ET.parse(xml_path).getroot().iter("object"):
            bb = obj.find("bndbox")
            boxes.append([float(bb.find(k).text) for k in ("xmin", "ymin", "xmax", "ymax")])
            labels.append(self.class_to_idx[obj.find("name").text.strip().lower()])
        return np.array(boxes, dtype=np.float32).reshape(-1, 4), np.array(labels, dtype=np.int64)

    def __getitem__(self, idx):
        img_path = self.images[idx]
        image = cv2.cvtColor(cv2.imread(str(img_path)), cv2.COLOR_BGR2RGB)
        boxes, labels = self._parse(self.root / "annotations" / f"{img_path.stem}.xml")
        if self.transforms is not None:
            out = self.transforms(image=image, bboxes=boxes, labels=labels)
            image, boxes, labels = out["image"], np.array(out["bboxes"]), np.array(out["labels"])
        target = {
            "boxes": torch.as_tensor(boxes, dtype=torch.float32).reshape(-1, 4),
            "labels": torch.as_tensor(labels, dtype=torch.int64),
        }
        image = torch.from_numpy(image).permute(2, 0, 1).float() / 255.0
        return image, target


def collate(batch):
    return tuple(zip(*batch))
