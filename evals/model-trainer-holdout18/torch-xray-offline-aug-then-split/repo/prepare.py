"""Build tensor caches for the pediatric chest X-ray set (NORMAL / PNEUMONIA).

Only ~1.3k NORMAL images exist, so every image is expanded with a few fixed
augmentations to get a bigger training pool.
"""
import argparse
from pathlib import Path

import torch
from PIL import Image
from sklearn.model_selection import train_test_split
from torchvision.transforms import v2 as T
from tqdm import tqdm

CLASSES = ["NORMAL", "PNEUMONIA"]

base_tf = T.Compose([T.Grayscale(), T.Resize((224, 224)), T.ToImage(), T.ToDtype(torch.float32, scale=True)])
AUGMENTATIONS = [
    T.RandomHorizontalFlip(p=1.0),
    T.RandomRotation(degrees=10),
    T.RandomAffine(degrees=0, translate=(0.05, 0.05), scale=(0.95, 1.05)),
    T.ColorJitter(brightness=0.15, contrast=0.15),
]


def main(args):
    torch.manual_seed(args.seed)
    images, targets = [], []
    for label, cls in enumerate(CLASSES):
        for path in tqdm(sorted((Path(args.src) / cls).glob("*.jpeg")), desc=cls):
            img = base_tf(Image.open(path))
            images.append(img)
            targets.append(label)
            for aug in AUGMENTATIONS:
                images.append(aug(img))
                targets.append(label)

    idx = list(range(len(images)))
    train_idx, tmp_idx = train_test_split(idx, test_size=0.3, stratify=targets, random_state=args.seed)
    val_idx, test_idx = train_test_split(tmp_idx, test_size=0.5,
                                         stratify=[targets[i] for i in tmp_idx], random_state=args.seed)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, ids in (("train", train_idx), ("val", val_idx), ("test", test_idx)):
        torch.save({"x": torch.stack([images[i] for i in ids]),
                    "y": torch.tensor([targets[i] for i in ids])}, out / f"{name}.pt")
        print(name, len(ids))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="data/chest_xray/all")
    ap.add_argument("--out", default="cache")
    ap.add_argument("--seed", type=int, default=3)
    main(ap.parse_args())
