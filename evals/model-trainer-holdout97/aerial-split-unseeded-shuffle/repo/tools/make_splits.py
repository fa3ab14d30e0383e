"""Split the tiled orthomosaic dataset into train/val/test COCO files.

Tiles are 800x800 crops of drone orthomosaics; every tile from one mosaic goes to the same split
so overlapping crops of the same panels never end up on both sides.
"""
import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def mosaic_of(file_name):
    # e.g. "site07_2023-06-14_mosaic02/tile_0013_0007.png"
    return file_name.split("/")[0]


def subset(coco, image_ids):
    image_ids = set(image_ids)
    return {
        "images": [im for im in coco["images"] if im["id"] in image_ids],
        "annotations": [a for a in coco["annotations"] if a["image_id"] in image_ids],
        "categories": coco["categories"],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coco", default="data/solar_tiles/annotations_all.json")
    ap.add_argument("--out", default="data/solar_tiles/splits")
    ap.add_argument("--val-frac", type=float, default=0.15)
    ap.add_argument("--test-frac", type=float, default=0.15)
    args = ap.parse_args()

    coco = json.load(open(args.coco))
    by_mosaic = defaultdict(list)
    for im in coco["images"]:
        by_mosaic[mosaic_of(im["file_name"])].append(im["id"])

    mosaics = sorted(by_mosaic)
    random.shuffle(mosaics)
    n_test = max(1, round(len(mosaics) * args.test_frac))
    n_val = max(1, round(len(mosaics) * args.val_frac))
    groups = {
        "test": mosaics[:n_test],
        "val": mosaics[n_test:n_test + n_val],
        "train": mosaics[n_test + n_val:],
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for split, ms in groups.items():
        ids = [i for m in ms for i in by_mosaic[m]]
        with open(out / f"{split}.json", "w") as f:
            json.dump(subset(coco, ids), f)
        print(f"{split}: {len(ms)} mosaics, {len(ids)} tiles")


if __name__ == "__main__":
    main()
