import glob
import os
import re

import numpy as np
import pandas as pd
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

# e.g. C100P61ThinF_IMG_20150918_144104_cell_162.png -> slide/patient "C100P61"
SLIDE_RE = re.compile(r"^(C\d+P\d+)")


def index_images(root):
    rows = []
    for label, cls in enumerate(["Uninfected", "Parasitized"]):
        for path in glob.glob(os.path.join(root, cls, "*.png")):
            m = SLIDE_RE.match(os.path.basename(path))
            rows.append({"path": path, "y": label, "slide": m.group(1) if m else "unknown"})
    return pd.DataFrame(rows).sort_values("path").reset_index(drop=True)


def split_by_slide(df, val_frac, test_frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df["slide"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss2 = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr_idx, val_idx = next(gss2.split(dev, groups=dev["slide"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test


class SmearCells(Dataset):
    def __init__(self, frame, transform):
        self.paths = frame["path"].to_numpy()
        self.y = frame["y"].to_numpy().astype(np.int64)
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("RGB")), self.y[i]
