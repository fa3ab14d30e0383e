from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset


class LesionDataset(Dataset):
    def __init__(self, csv_path, image_dir, transform):
        self.df = pd.read_csv(csv_path)
        self.image_dir = Path(image_dir)
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        img = Image.open(self.image_dir / f"{row['image']}.jpg").convert("RGB")
        return self.transform(img), torch.tensor(row["label"], dtype=torch.long)

    def class_weights(self, num_classes):
        counts = self.df["label"].value_counts().reindex(range(num_classes), fill_value=0).values
        weights = counts.sum() / (num_classes * counts.clip(min=1))
        return torch.tensor(weights, dtype=torch.float32)
