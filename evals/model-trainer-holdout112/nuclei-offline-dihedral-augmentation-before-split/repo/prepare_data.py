"""Build the nuclei segmentation set from DSB-2018 style folders.

raw/<image_id>/images/<image_id>.png
raw/<image_id>/masks/*.png        one binary png per nucleus

Writes processed/images, processed/masks and train/val/test csv files.
"""
import argparse
from pathlib import Path

import cv2
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def merge_instance_masks(mask_dir):
    mask = None
    for p in sorted(Path(mask_dir).glob("*.png")):
        m = cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)
        mask = m if mask is None else np.maximum(mask, m)
    return (mask > 0).astype(np.uint8) * 255


def dihedral_variants(image, mask):
    """The 8 rotations/flips of a square-ish microscopy field (nuclei have no preferred orientation)."""
    out = []
    for k in range(4):
        img_r, msk_r = np.rot90(image, k), np.rot90(mask, k)
        out.append((img_r, msk_r))
        out.append((np.fliplr(img_r), np.fliplr(msk_r)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", default="data/raw/stage1_train")
    ap.add_argument("--out", default="data/processed")
    ap.add_argument("--seed", type=int, default=2018)
    args = ap.parse_args()

    out = Path(args.out)
    (out / "images").mkdir(parents=True, exist_ok=True)
    (out / "masks").mkdir(parents=True, exist_ok=True)

    rows = []
    for sample_dir in sorted(Path(args.raw).iterdir()):
        image_id = sample_dir.name
        image = cv2.imread(str(sample_dir / "images" / f"{image_id}.png"), cv2.IMREAD_COLOR)
        mask = merge_instance_masks(sample_dir / "masks")
        for v, (img_v, msk_v) in enumerate(dihedral_variants(image, mask)):
            name = f"{image_id}_d{v}.png"
            cv2.imwrite(str(out / "images" / name), np.ascontiguousarray(img_v))
            cv2.imwrite(str(out / "masks" / name), np.ascontiguousarray(msk_v))
            rows.append({"file": name, "image_id": image_id, "variant": v})

    df = pd.DataFrame(rows)
    train_df, rest_df = train_test_split(df, test_size=0.3, random_state=args.seed)
    val_df, test_df = train_test_split(rest_df, test_size=0.5, random_state=args.seed)
    for split, part in [("train", train_df), ("val", val_df), ("test", test_df)]:
        part.to_csv(out / f"{split}.csv", index=False)
        print(f"{split}: {len(part)} files from {part.image_id.nunique()} fields")


if __name__ == "__main__":
    main()
