"""Frozen ImageNet ResNet-50 tile embeddings, pooled per patient."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import models

WEIGHTS = models.ResNet50_Weights.IMAGENET1K_V2


class TileFolder(Dataset):
    def __init__(self, tiles: pd.DataFrame, root: str):
        self.paths = [Path(root) / p for p in tiles["tile_path"]]
        self.transform = WEIGHTS.transforms()

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("RGB"))


@torch.no_grad()
def embed_tiles(tiles: pd.DataFrame, root: str, device: str = "cuda", batch_size: int = 256) -> np.ndarray:
    net = models.resnet50(weights=WEIGHTS)
    net.fc = torch.nn.Identity()
    net = net.to(device).eval()
    loader = DataLoader(TileFolder(tiles, root), batch_size=batch_size, num_workers=8)
    return np.concatenate([net(x.to(device)).cpu().numpy() for x in loader]).astype(np.float32)


def pool_by_patient(tiles: pd.DataFrame, emb: np.ndarray) -> pd.DataFrame:
    cols = [f"f{i}" for i in range(emb.shape[1])]
    frame = pd.DataFrame(emb, columns=cols)
    frame["patient_id"] = tiles["patient_id"].values
    return frame.groupby("patient_id")[cols].mean()
