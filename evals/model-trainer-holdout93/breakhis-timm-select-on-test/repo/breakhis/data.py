import re
from pathlib import Path

import pandas as pd
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

# e.g. SOB_M_DC-14-11031-40-001.png -> tumour class DC, patient 14-11031
NAME_RE = re.compile(r"SOB_(?P<kind>[BM])_(?P<subtype>[A-Z]+)-(?P<patient>\d+-\d+[A-Z]*)-(?P<mag>\d+)-\d+\.png")


def build_manifest(root: str, magnification: str) -> pd.DataFrame:
    rows = []
    for path in Path(root).rglob(f"{magnification}/*.png"):
        m = NAME_RE.match(path.name)
        if m is None:
            continue
        rows.append({
            "path": str(path),
            "patient": m["patient"],
            "subtype": m["subtype"],
            "label": int(m["kind"] == "M"),
        })
    return pd.DataFrame(rows)


def patient_split(manifest: pd.DataFrame, test_fraction: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    train_idx, test_idx = next(gss.split(manifest, manifest["label"], groups=manifest["patient"]))
    return manifest.iloc[train_idx].reset_index(drop=True), manifest.iloc[test_idx].reset_index(drop=True)


class BreakHisDataset(Dataset):
    def __init__(self, df: pd.DataFrame, transform):
        self.paths = df["path"].tolist()
        self.labels = df["label"].tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        img = Image.open(self.paths[idx]).convert("RGB")
        return self.transform(img), self.labels[idx]
