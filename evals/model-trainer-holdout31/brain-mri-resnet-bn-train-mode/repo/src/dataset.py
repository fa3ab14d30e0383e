import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset
from torchvision import transforms as T

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def train_tf(size):
    return T.Compose([
        T.RandomResizedCrop(size, scale=(0.8, 1.0)),
        T.RandomHorizontalFlip(),
        T.RandomRotation(10),
        T.ToTensor(),
        T.Normalize(MEAN, STD),
    ])


def eval_tf(size):
    return T.Compose([T.Resize((size, size)), T.ToTensor(), T.Normalize(MEAN, STD)])


class SliceDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, transform):
        self.paths = frame["path"].tolist()
        self.labels = frame["label"].tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.transform(img), torch.tensor(self.labels[i])


def patient_split(frame: pd.DataFrame, seed: int):
    """70/15/15 split with every patient's slices kept in a single part."""
    outer = GroupShuffleSplit(n_splits=1, test_size=0.30, random_state=seed)
    tr, rest = next(outer.split(frame, groups=frame["patient_id"]))
    rest_df = frame.iloc[rest]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.50, random_state=seed)
    va, te = next(inner.split(rest_df, groups=rest_df["patient_id"]))
    return frame.iloc[tr], rest_df.iloc[va], rest_df.iloc[te]
