"""Frozen ImageNet ResNet50 embeddings for AOI component crops, cached to .npz."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torchvision import models, transforms as T

TF = T.Compose([
    T.Resize(232),
    T.CenterCrop(224),
    T.ToTensor(),
    T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])


def load_backbone(device):
    net = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    net.fc = torch.nn.Identity()
    return net.to(device).eval()


@torch.inference_mode()
def embed_split(csv_path, image_root, cache, device="cpu", batch_size=64):
    cache = Path(cache)
    if cache.exists():
        z = np.load(cache, allow_pickle=True)
        return z["X"], z["y"]
    df = pd.read_csv(csv_path)             # crop_file, component, verdict
    net = load_backbone(device)
    feats = []
    for start in range(0, len(df), batch_size):
        chunk = df.iloc[start:start + batch_size]
        x = torch.stack([TF(Image.open(Path(image_root) / f).convert("RGB")) for f in chunk["crop_file"]])
        feats.append(net(x.to(device)).cpu().numpy())
    X, y = np.concatenate(feats), df["verdict"].to_numpy()
    np.savez(cache, X=X, y=y)
    return X, y
