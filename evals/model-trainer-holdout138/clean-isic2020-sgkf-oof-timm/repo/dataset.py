import albumentations as A
import cv2
import torch
from albumentations.pytorch import ToTensorV2
from torch.utils.data import Dataset


def get_aug(size, train):
    if train:
        return A.Compose([
            A.RandomResizedCrop(size, size, scale=(0.5, 1.0)),
            A.Transpose(), A.HorizontalFlip(), A.VerticalFlip(),
            A.ShiftScaleRotate(shift_limit=0.05, scale_limit=0.1, rotate_limit=45, p=0.6),
            A.RandomBrightnessContrast(0.15, 0.15, p=0.5),
            A.CoarseDropout(max_holes=6, max_height=size // 10, max_width=size // 10, p=0.3),
            A.Normalize(), ToTensorV2(),
        ])
    return A.Compose([A.Resize(size, size), A.Normalize(), ToTensorV2()])


class SkinDataset(Dataset):
    def __init__(self, df, image_dir, aug):
        self.names = df["image_name"].tolist()
        self.targets = df["target"].astype("float32").tolist()
        self.image_dir, self.aug = image_dir, aug

    def __len__(self):
        return len(self.names)

    def __getitem__(self, idx):
        img = cv2.imread(f"{self.image_dir}/{self.names[idx]}.jpg")
        img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
        return self.aug(image=img)["image"], torch.tensor(self.targets[idx])
