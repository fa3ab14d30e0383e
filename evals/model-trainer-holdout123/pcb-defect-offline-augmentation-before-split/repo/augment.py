"""Offline augmentation for under-represented PCB defect classes."""
import random
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import pandas as pd

AUG = A.Compose([
    A.HorizontalFlip(p=0.5),
    A.VerticalFlip(p=0.5),
    A.RandomRotate90(p=1.0),
    A.RandomBrightnessContrast(brightness_limit=0.15, contrast_limit=0.15, p=0.7),
    A.GaussNoise(var_limit=(5.0, 20.0), p=0.3),
])


def balance_classes(df, image_dir, target_per_class=None, seed=0):
    """Write augmented copies of minority-class crops until every class reaches the target count."""
    random.seed(seed)
    np.random.seed(seed)
    image_dir = Path(image_dir)
    counts = df["defect_type"].value_counts()
    target = target_per_class or int(counts.max())
    new_rows = []
    for cls, n in counts.items():
        pool = df[df["defect_type"] == cls].reset_index(drop=True)
        for k in range(target - n):
            row = pool.iloc[k % len(pool)]
            img = cv2.imread(str(image_dir / row["filename"]))
            out = AUG(image=img)["image"]
            name = f"aug{k:05d}_{row['filename']}"
            cv2.imwrite(str(image_dir / name), out)
            new_rows.append({**row.to_dict(), "filename": name})
    return pd.concat([df, pd.DataFrame(new_rows)], ignore_index=True)
