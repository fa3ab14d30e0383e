"""Offline per-image preprocessing for ISIC 2019:
  * DullRazor-style hair removal (blackhat + inpainting)
  * Shades-of-Gray colour constancy (p=6), computed on each image by itself
  * resize shorter side to 512
Writes to data/isic2019/prep512/. Run once before training.
"""
import argparse
from pathlib import Path

import cv2
import numpy as np
from joblib import Parallel, delayed


def remove_hair(img, kernel=17, thresh=10):
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    blackhat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_CROSS, (kernel, kernel)))
    _, mask = cv2.threshold(blackhat, thresh, 255, cv2.THRESH_BINARY)
    return cv2.inpaint(img, mask, 3, cv2.INPAINT_TELEA)


def shades_of_gray(img, power=6):
    f = img.astype(np.float32)
    illum = np.power(np.mean(np.power(f, power), axis=(0, 1)), 1.0 / power)
    illum = illum / np.sqrt(np.sum(illum ** 2))
    f = f / (illum * np.sqrt(3.0))
    return np.clip(f, 0, 255).astype(np.uint8)


def resize_short(img, short=512):
    h, w = img.shape[:2]
    s = short / min(h, w)
    return cv2.resize(img, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)


def process(src, dst):
    img = cv2.imread(str(src))
    img = resize_short(shades_of_gray(remove_hair(img)))
    cv2.imwrite(str(dst / src.name), img, [cv2.IMWRITE_JPEG_QUALITY, 95])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", type=Path, default=Path("data/isic2019/ISIC_2019_Training_Input"))
    ap.add_argument("--dst", type=Path, default=Path("data/isic2019/prep512"))
    args = ap.parse_args()
    args.dst.mkdir(parents=True, exist_ok=True)
    files = sorted(args.src.glob("*.jpg"))
    Parallel(n_jobs=-1)(delayed(process)(f, args.dst) for f in files)
    print(f"processed {len(files)} images")
