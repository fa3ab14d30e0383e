import pandas as pd
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset
from torchvision import transforms as T

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def store_split(df, test_frac, val_frac, seed):
    """Whole stores go to one side: lighting, fixtures and camera angle are store specific."""
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df["store_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev["store_id"]))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]
    assert not set(train.store_id) & set(test.store_id)
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


def make_transforms(size):
    train_tf = T.Compose([
        T.RandomResizedCrop(size, scale=(0.6, 1.0), ratio=(0.6, 1.4)),
        T.ColorJitter(0.3, 0.3, 0.2, 0.02),
        T.RandomGrayscale(p=0.05),
        T.ToTensor(),
        T.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    eval_tf = T.Compose([
        T.Resize((size, size)),
        T.ToTensor(),
        T.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    return train_tf, eval_tf


class CropDataset(Dataset):
    def __init__(self, df: pd.DataFrame, transform):
        self.paths = df["crop_path"].tolist()
        self.labels = df["label"].tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("RGB")), self.labels[i]
