from pathlib import Path

import pandas as pd
from PIL import Image
from sklearn.model_selection import StratifiedShuffleSplit
from torch.utils.data import Dataset
from torchvision import transforms


def split_index(cfg):
    index = pd.read_csv(cfg.index_csv)
    classes = sorted(index["label"].unique())
    index["y"] = index["label"].map({c: i for i, c in enumerate(classes)})
    sss = StratifiedShuffleSplit(n_splits=1, test_size=cfg.holdout_frac, random_state=cfg.seed)
    train_pos, hold_pos = next(sss.split(index, index["y"]))
    hold = index.iloc[hold_pos]
    sss2 = StratifiedShuffleSplit(n_splits=1, test_size=0.5, random_state=cfg.seed)
    val_pos, test_pos = next(sss2.split(hold, hold["y"]))
    return index.iloc[train_pos], hold.iloc[val_pos], hold.iloc[test_pos], classes


def transforms_for(cfg, train: bool):
    ops = [transforms.Grayscale(num_output_channels=3), transforms.Resize((cfg.image_size, cfg.image_size))]
    if train:
        ops.append(transforms.RandomAffine(degrees=2, translate=(0.02, 0.02), scale=(0.95, 1.05)))
    ops += [transforms.ToTensor(), transforms.Normalize([0.5] * 3, [0.5] * 3)]
    return transforms.Compose(ops)


class DocImages(Dataset):
    def __init__(self, frame, root, tf):
        self.items = list(zip(frame["path"], frame["y"]))
        self.root = Path(root)
        self.tf = tf

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, y = self.items[i]
        return self.tf(Image.open(self.root / path)), y
