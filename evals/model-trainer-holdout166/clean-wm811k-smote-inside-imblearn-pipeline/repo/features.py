"""Radial / angular / cluster features for WM-811K maps."""
import numpy as np
from scipy import ndimage


def _polar(m):
    h, w = m.shape
    yy, xx = np.mgrid[:h, :w]
    cy, cx = (h - 1) / 2, (w - 1) / 2
    r = np.hypot(yy - cy, xx - cx) / max(cy, cx)
    theta = np.arctan2(yy - cy, xx - cx)
    return r, theta


def wafer_features(m):
    on_wafer = m > 0
    fail = m == 2
    r, theta = _polar(m)
    n_die = max(on_wafer.sum(), 1)
    feats = {"fail_frac": fail.sum() / n_die}
    # radial fail profile, 5 rings
    for i, (lo, hi) in enumerate(zip(np.linspace(0, 1, 6)[:-1], np.linspace(0, 1, 6)[1:])):
        ring = on_wafer & (r >= lo) & (r < hi)
        feats[f"ring{i}_fail"] = fail[ring].mean() if ring.any() else 0.0
    # angular fail profile, 8 sectors
    for j in range(8):
        sec = on_wafer & (theta >= -np.pi + j * np.pi / 4) & (theta < -np.pi + (j + 1) * np.pi / 4)
        feats[f"sector{j}_fail"] = fail[sec].mean() if sec.any() else 0.0
    lbl, n = ndimage.label(fail, structure=np.ones((3, 3)))
    sizes = ndimage.sum(fail, lbl, range(1, n + 1)) if n else np.array([0.0])
    feats["n_clusters"] = n
    feats["max_cluster_frac"] = sizes.max() / n_die
    feats["top3_cluster_frac"] = np.sort(sizes)[-3:].sum() / n_die
    return feats
