import json

import numpy as np
from sklearn.cluster import KMeans


def box_wh(ann_file, scale=1.0):
    coco = json.load(open(ann_file))
    return np.array([a["bbox"][2:] for a in coco["annotations"] if a["bbox"][2] > 0 and a["bbox"][3] > 0]) * scale


def kmeans_anchors(wh, n_levels=5, n_ratios=3, seed=0):
    side = np.log(np.sqrt(wh.prod(axis=1))).reshape(-1, 1)
    ratio = np.log(wh[:, 1] / wh[:, 0]).reshape(-1, 1)
    sizes = np.sort(np.exp(KMeans(n_levels, n_init=10, random_state=seed).fit(side).cluster_centers_.ravel()))
    ratios = np.sort(np.exp(KMeans(n_ratios, n_init=10, random_state=seed).fit(ratio).cluster_centers_.ravel()))
    return tuple(float(round(s, 1)) for s in sizes), tuple(float(round(r, 3)) for r in ratios)


def best_possible_recall(wh, sizes, ratios, thr=4.0):
    anchors = np.array([[s / np.sqrt(r), s * np.sqrt(r)] for s in sizes for r in ratios])
    rel = wh[:, None] / anchors[None]
    fit = np.minimum(rel, 1 / rel).min(axis=2).max(axis=1)
    return float((fit > 1 / thr).mean())
