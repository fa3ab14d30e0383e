import argparse
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from PIL import Image
from scipy.ndimage import gaussian_filter
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

from patchcore import PatchCore


class Folder(Dataset):
    def __init__(self, items, size):
        self.items = items
        self.tf = T.Compose([T.Resize((size, size)), T.ToTensor(),
                             T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        p, y = self.items[i]
        return self.tf(Image.open(p).convert("RGB")), y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    root = Path(cfg["data_root"]) / cfg["category"]

    train_items = [(p, 0) for p in sorted((root / "train" / "good").glob("*.png"))]
    test_items = [(p, int(d.name != "good")) for d in sorted((root / "test").iterdir())
                  for p in sorted(d.glob("*.png"))]
    train_dl = DataLoader(Folder(train_items, cfg["size"]), batch_size=cfg["batch_size"])
    test_dl = DataLoader(Folder(test_items, cfg["size"]), batch_size=cfg["batch_size"])

    model = PatchCore(device, coreset_ratio=cfg["coreset_ratio"], seed=cfg["seed"]).fit(train_dl)
    print(f"memory bank: {tuple(model.memory.shape)} from {len(train_items)} good images")

    scores, maps, labels = [], [], []
    for x, y in test_dl:
        s, amap = model.predict(x)
        scores.append(s); labels.append(y)
        maps.append(np.stack([gaussian_filter(a, sigma=4) for a in amap.numpy()]))
    scores, labels = torch.cat(scores).numpy(), torch.cat(labels).numpy()
    maps = np.concatenate(maps)
    print(f"{cfg['category']}: image AUROC = {roc_auc_score(labels, scores):.4f}")

    # heatmaps for the QA review deck: scale to [0, 1] so all images share one colour range
    out = Path("heatmaps") / cfg["category"]
    out.mkdir(parents=True, exist_ok=True)
    norm = (maps - maps.min()) / (maps.max() - maps.min() + 1e-8)
    for (p, _), m in zip(test_items, norm):
        Image.fromarray((m * 255).astype(np.uint8)).save(out / f"{p.parent.name}_{p.stem}.png")


if __name__ == "__main__":
    main()
