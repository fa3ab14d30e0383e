"""Hand-crafted descriptors for solder-joint crops."""
import numpy as np
from skimage import io
from skimage.color import rgb2gray
from skimage.feature import hog, local_binary_pattern
from skimage.transform import resize

SIZE = (96, 96)


def describe(path):
    img = io.imread(path)
    g = resize(rgb2gray(img[..., :3]), SIZE, anti_aliasing=True)
    h = hog(g, orientations=9, pixels_per_cell=(12, 12), cells_per_block=(2, 2), feature_vector=True)
    lbp = local_binary_pattern((g * 255).astype(np.uint8), P=8, R=1, method="uniform")
    lbp_hist, _ = np.histogram(lbp, bins=10, range=(0, 10), density=True)
    # solder fillet brightness profile: bright ring vs dull blob separates excess/insufficient
    hsv_v = img[..., :3].max(axis=-1) / 255.0
    intensity = np.percentile(hsv_v, [5, 25, 50, 75, 95])
    return np.concatenate([h, lbp_hist, intensity]).astype(np.float32)


def describe_all(paths):
    return np.stack([describe(p) for p in paths])
