"""Create the image-level train/test split for ISIC 2019 (one-hot ground truth -> class index)."""
from pathlib import Path

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split

CLASSES = ["MEL", "NV", "BCC", "AK", "BKL", "DF", "VASC", "SCC"]

cfg = yaml.safe_load(open("configs/effnet_b2.yaml"))
gt = pd.read_csv(cfg["data"]["metadata_csv"])
gt["label"] = gt[CLASSES].values.argmax(axis=1)
gt = gt[["image", "label"]]

train_df, test_df = train_test_split(gt, test_size=0.2, stratify=gt["label"], random_state=cfg["seed"])
out = Path(cfg["data"]["train_csv"]).parent
out.mkdir(parents=True, exist_ok=True)
train_df.to_csv(cfg["data"]["train_csv"], index=False)
test_df.to_csv(out / "test.csv", index=False)
print(train_df["label"].value_counts().sort_index())
print(test_df["label"].value_counts().sort_index())
