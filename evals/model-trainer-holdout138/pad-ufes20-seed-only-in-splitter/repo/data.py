import pandas as pd
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset
from torchvision import transforms as T

DIAGNOSES = ["ACK", "BCC", "MEL", "NEV", "SCC", "SEK"]
IMAGENET = dict(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])


def load_splits(cfg):
    df = pd.read_csv(cfg["paths"]["metadata"])
    df["label"] = df["diagnostic"].map({d: i for i, d in enumerate(DIAGNOSES)})
    sgkf = StratifiedGroupKFold(n_splits=cfg["split"]["n_splits"], shuffle=True, random_state=cfg["seed"])
    folds = list(sgkf.split(df, df["label"], groups=df["patient_id"]))
    test = df.iloc[folds[0][1]]
    val = df.iloc[folds[1][1]]
    train = df.drop(index=test.index.union(val.index))
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


def build_transforms(size):
    train_tf = T.Compose([
        T.RandomResizedCrop(size, scale=(0.6, 1.0)),
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.RandomRotation(45),
        T.ColorJitter(0.2, 0.2, 0.15, 0.02),
        T.ToTensor(), T.Normalize(**IMAGENET),
    ])
    eval_tf = T.Compose([T.Resize((size, size)), T.ToTensor(), T.Normalize(**IMAGENET)])
    return train_tf, eval_tf


class PadUfesDataset(Dataset):
    """Smartphone clinical images (not dermoscopy), variable resolution."""

    def __init__(self, df, img_dir, tf):
        self.files, self.labels, self.img_dir, self.tf = df["img_id"].tolist(), df["label"].tolist(), img_dir, tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(f"{self.img_dir}/{self.files[i]}").convert("RGB")
        return self.tf(img), self.labels[i]
