import json

import pandas as pd
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T

NORM = T.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])
TRAIN_TF = T.Compose([T.RandomResizedCrop(224, scale=(0.5, 1.0)), T.ColorJitter(0.3, 0.3, 0.3),
                      T.RandomPerspective(0.15), T.ToTensor(), NORM])
EVAL_TF = T.Compose([T.Resize((224, 224)), T.ToTensor(), NORM])


class ImageTable(Dataset):
    def __init__(self, df, tf, label_col="label"):
        self.paths, self.labels, self.tf = df.path.tolist(), df[label_col].tolist(), tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


def load_tables(cfg):
    crops, catalog = pd.read_csv(cfg["crops_csv"]), pd.read_csv(cfg["catalog_csv"])
    with open(cfg["splits_json"]) as f:
        splits = {k: set(v) for k, v in json.load(f).items()}
    assert not (splits["train"] & splits["test"]) and not (splits["val"] & splits["test"])
    train = crops[crops.sku_id.isin(splits["train"])].copy()
    train["label"] = train.sku_id.astype("category").cat.codes.astype(int)
    parts = {"train": train}
    for name in ("val", "test"):
        parts[f"{name}_query"] = crops[crops.sku_id.isin(splits[name])].assign(label=lambda d: d.sku_id)
        parts[f"{name}_gallery"] = catalog[catalog.sku_id.isin(splits[name])].assign(label=lambda d: d.sku_id)
    return parts
