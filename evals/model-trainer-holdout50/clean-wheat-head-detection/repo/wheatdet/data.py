"""Global Wheat Head Detection: one row per image, boxes stored as 'x0 y0 x1 y1;x0 y0 x1 y1;...'."""
import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset


def parse_boxes(s):
    if not isinstance(s, str) or s == "no_box":
        return np.zeros((0, 4), dtype=np.float32)
    return np.array([[float(v) for v in b.split()] for b in s.split(";")], dtype=np.float32)


def train_transform():
    return A.Compose(
        [A.HorizontalFlip(), A.VerticalFlip(), A.RandomRotate90(),
         A.RandomBrightnessContrast(0.2, 0.2, p=0.5), A.HueSaturationValue(10, 20, 10, p=0.3)],
        bbox_params=A.BboxParams(format="pascal_voc", label_fields=["labels"], min_area=16),
    )


class WheatDataset(Dataset):
    def __init__(self, df, image_dir, transform=None):
        self.df = df.reset_index(drop=True)
        self.image_dir = image_dir
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        image = cv2.cvtColor(cv2.imread(f"{self.image_dir}/{row.image_name}"), cv2.COLOR_BGR2RGB)
        boxes = parse_boxes(row.BoxesString)
        labels = np.ones(len(boxes), dtype=np.int64)
        if self.transform is not None:
            out = self.transform(image=image, bboxes=boxes, labels=labels)
            image, boxes, labels = out["image"], np.array(out["bboxes"], dtype=np.float32), np.array(out["labels"])
        target = {"boxes": torch.from_numpy(boxes).reshape(-1, 4), "labels": torch.as_tensor(labels, dtype=torch.int64)}
        return torch.from_numpy(image).permute(2, 0, 1).float() / 255.0, target


def collate(batch):
    return tuple(zip(*batch))
