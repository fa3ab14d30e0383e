"""Offline augmentation for single-character crops from boxed form fields."""
import numpy as np
from scipy.ndimage import gaussian_filter, map_coordinates, rotate, shift


def elastic_distort(img, rng, alpha=8.0, sigma=3.0):
    h, w = img.shape
    dx = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    dy = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    yy, xx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    return map_coordinates(img, [yy + dy, xx + dx], order=1, mode="constant")


def random_variant(img, rng):
    out = rotate(img, rng.uniform(-12, 12), reshape=False, order=1, mode="constant")
    out = shift(out, rng.uniform(-2, 2, size=2), order=1, mode="constant")
    if rng.random() < 0.5:
        out = elastic_distort(out, rng)
    if rng.random() < 0.3:
        # simulate thin/thick pens
        out = gaussian_filter(out, rng.uniform(0.3, 0.9))
    return np.clip(out, 0.0, 1.0)


def expand_with_augmentations(images, labels, copies=4, seed=0):
    rng = np.random.default_rng(seed)
    new_x, new_y = [images], [labels]
    for _ in range(copies):
        new_x.append(np.stack([random_variant(im, rng) for im in images]))
        new_y.append(labels)
    return np.concatenate(new_x), np.concatenate(new_y)
