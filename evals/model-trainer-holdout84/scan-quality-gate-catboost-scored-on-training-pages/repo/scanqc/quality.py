"""Per-page image quality measurements used to decide whether a scan goes to OCR or back to re-scan."""
import cv2
import numpy as np


def estimate_skew(gray):
    edges = cv2.Canny(gray, 50, 150)
    lines = cv2.HoughLinesP(edges, 1, np.pi / 360, threshold=200, minLineLength=gray.shape[1] // 4, maxLineGap=10)
    if lines is None:
        return 0.0
    angles = [np.degrees(np.arctan2(y2 - y1, x2 - x1)) for x1, y1, x2, y2 in lines[:, 0]]
    angles = [a for a in angles if abs(a) < 30]
    return float(np.median(angles)) if angles else 0.0


def page_quality_features(path):
    img = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    h, w = img.shape
    small = cv2.resize(img, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    _, binar = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = 1.0 - binar.mean() / 255.0
    n_cc, _, stats, _ = cv2.connectedComponentsWithStats(255 - binar, connectivity=8)
    small_cc = (stats[1:, cv2.CC_STAT_AREA] < 6).sum() if n_cc > 1 else 0
    return {
        "dpi_est": w / 8.27,
        "blur_lapvar": float(cv2.Laplacian(small, cv2.CV_64F).var()),
        "contrast_std": float(small.std()),
        "mean_intensity": float(small.mean()),
        "ink_ratio": float(ink),
        "skew_deg": abs(estimate_skew(small)),
        "speckle_ratio": float(small_cc / max(n_cc - 1, 1)),
        "n_components": int(n_cc - 1),
    }
