"""Full-scene inference + evaluation on held-out Inria tiles.

The checkpoint comes from train_unet.py: tiles 11-36 of austin/chicago/kitsap/tyrol-w/vienna for training,
tiles 6-10 for checkpoint selection. Tiles 1-5 of each city (splits/test_tiles.txt) were never used there
and are scored here once, on the full 5000x5000 scenes.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import rasterio
import segmentation_models_pytorch as smp
import torch

from tiling import predict_scene

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)[:, None, None]
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)[:, None, None]


def load_model(ckpt, device):
    model = smp.Unet("resnet50", encoder_weights=None, classes=1)
    model.load_state_dict(torch.load(ckpt, map_location=device))
    return model.to(device).eval()


def iou_and_acc(prob, gt, thr=0.5):
    pred = prob > thr
    inter = np.logical_and(pred, gt).sum()
    union = np.logical_or(pred, gt).sum()
    return inter, union, (pred == gt).mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="checkpoints/unet_r50_inria_best.pt")
    ap.add_argument("--root", default="data/AerialImageDataset/train")
    ap.add_argument("--test-list", default="splits/test_tiles.txt")
    ap.add_argument("--out", default="predictions")
    ap.add_argument("--no-tta", action="store_true")
    args = ap.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = load_model(args.ckpt, device)
    names = Path(args.test_list).read_text().split()
    Path(args.out).mkdir(exist_ok=True)

    results, tot_inter, tot_union = {}, 0, 0
    for name in names:
        with rasterio.open(Path(args.root) / "images" / f"{name}.tif") as src:
            image = (src.read().astype(np.float32) / 255.0 - MEAN) / STD
            profile = src.profile
        with rasterio.open(Path(args.root) / "gt" / f"{name}.tif") as src:
            gt = src.read(1) > 0

        prob = predict_scene(model, image, device=device, tta=not args.no_tta)
        inter, union, acc = iou_and_acc(prob, gt)
        tot_inter += inter
        tot_union += union
        results[name] = {"iou": float(inter / max(union, 1)), "acc": float(acc)}
        print(f"{name:<12s} IoU {results[name]['iou']:.4f} acc {acc:.4f}")

        profile.update(count=1, dtype="uint8", compress="deflate")
        with rasterio.open(Path(args.out) / f"{name}_mask.tif", "w", **profile) as dst:
            dst.write((prob > 0.5).astype(np.uint8) * 255, 1)

    results["overall_iou"] = float(tot_inter / max(tot_union, 1))
    print(f"overall IoU (held-out tiles): {results['overall_iou']:.4f}")
    Path(args.out, "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
