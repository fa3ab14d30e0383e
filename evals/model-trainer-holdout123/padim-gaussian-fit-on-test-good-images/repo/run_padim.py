import argparse
import json

import numpy as np
import torch
import yaml
from scipy.ndimage import gaussian_filter
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from data import ImageList, build_transform, good_images, test_images
from padim import PaDiM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--category", default=None)
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    category = args.category or cfg["category"]
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tf = build_transform(cfg["image_size"])
    fit_ds = ImageList(good_images(cfg["data_root"], category), tf)
    test_ds = ImageList(test_images(cfg["data_root"], category), tf)
    fit_dl = DataLoader(fit_ds, batch_size=cfg["batch_size"], num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=cfg["batch_size"], num_workers=4)

    model = PaDiM(d_reduced=cfg["d_reduced"], device=device, seed=cfg["seed"]).fit(fit_dl)

    scores, labels = [], []
    for x, y in test_dl:
        amap = model.score(x).numpy()
        amap = np.stack([gaussian_filter(a, sigma=cfg["sigma"]) for a in amap])
        scores.append(amap.reshape(len(amap), -1).max(axis=1))
        labels.append(y.numpy())
    scores, labels = np.concatenate(scores), np.concatenate(labels)

    auroc = roc_auc_score(labels, scores)
    print(f"{category}: image AUROC {auroc:.4f} on {len(labels)} test images "
          f"({int(labels.sum())} defective), Gaussian fitted on {len(fit_ds)} good images")
    with open(f"results_{category}.json", "w") as f:
        json.dump({"category": category, "image_auroc": auroc, "n_fit": len(fit_ds)}, f, indent=2)


if __name__ == "__main__":
    main()
