"""EyePACS-style fundus photos: two eyes per patient, sometimes several visits per eye."""
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset
from torchvision import transforms

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def load_labels(csv_path):
    df = pd.read_csv(csv_path)  # image, patient_id, eye, level (0-4)
    df["referable"] = (df["level"] >= 2).astype(int)
    return df


def patient_split(df, seed):
    """Test = one of 5 patient-grouped folds; validation = one of 5 folds of the remainder."""
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(df, df["referable"], groups=df["patient_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    sgkf_dev = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 1)
    tr_idx, va_idx = next(sgkf_dev.split(dev, dev["referable"], groups=dev["patient_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


def fundus_transforms(size, train):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.85, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.RandomRotation(180),
            transforms.ColorJitter(brightness=0.1, contrast=0.1),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ])
    return transforms.Compose([
        transforms.Resize((size, size)),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


class FundusDataset(Dataset):
    def __init__(self, frame, image_dir, transform):
        self.frame = frame.reset_index(drop=True)
        self.image_dir = image_dir
        self.transform = transform

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        img = Image.open(f"{self.image_dir}/{row.image}.jpeg").convert("RGB")
        return self.transform(img), torch.tensor(row.referable, dtype=torch.float32)
