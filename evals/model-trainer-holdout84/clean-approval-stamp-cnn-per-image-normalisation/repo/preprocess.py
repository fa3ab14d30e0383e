"""Image preparation for invoice page thumbnails. Every step uses only the page itself."""
import cv2
import numpy as np


def deskew(gray):
    coords = np.column_stack(np.where(gray < 128))
    if len(coords) < 50:
        return gray
    angle = cv2.minAreaRect(coords.astype(np.float32))[-1]
    angle = angle - 90 if angle > 45 else angle
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def prepare_page(path, size=384):
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    gray = deskew(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY))
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    # stamps are mostly coloured ink: keep a saturation channel next to the grey page
    sat = hsv[..., 1]
    x = np.stack([cv2.resize(gray, (size, size), interpolation=cv2.INTER_AREA),
                  cv2.resize(sat, (size, size), interpolation=cv2.INTER_AREA)], axis=-1).astype(np.float32)
    mean = x.mean(axis=(0, 1), keepdims=True)
    std = x.std(axis=(0, 1), keepdims=True) + 1e-6
    return (x - mean) / std


def colour_ink_features(path):
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    sat_mask = hsv[..., 1] > 80
    red = sat_mask & ((hsv[..., 0] < 10) | (hsv[..., 0] > 170))
    blue = sat_mask & (hsv[..., 0] > 100) & (hsv[..., 0] < 130)
    return np.array([sat_mask.mean(), red.mean(), blue.mean()], dtype=np.float32)
