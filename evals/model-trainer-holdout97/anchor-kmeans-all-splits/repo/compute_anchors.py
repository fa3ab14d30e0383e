"""Derive FPN anchor sizes / aspect ratios for traffic-sign detection from the annotation boxes.

Signs are tiny (median ~22 px at 1360x800), so the COCO default anchors (32..512) miss most of them.
"""
import argparse
import json

import numpy as np
from sklearn.cluster import KMeans

SPLITS = ("train", "val", "test")


def load_wh(ann_file, target_min_size, orig_min_size):
    coco = json.load(open(ann_file))
    scale = target_min_size / orig_min_size
    wh = np.array([a["bbox"][2:] for a in coco["annotations"] if not a.get("iscrowd", 0)], dtype=np.float64)
    return wh * scale


def fit_anchors(wh, n_sizes=5, n_ratios=3, seed=0):
    side = np.sqrt(wh[:, 0] * wh[:, 1]).reshape(-1, 1)
    ratio = (wh[:, 1] / wh[:, 0]).reshape(-1, 1)
    km_size = KMeans(n_clusters=n_sizes, n_init=10, random_state=seed).fit(np.log(side))
    km_ratio = KMeans(n_clusters=n_ratios, n_init=10, random_state=seed).fit(np.log(ratio))
    sizes = sorted(float(np.exp(c[0])) for c in km_size.cluster_centers_)
    ratios = sorted(float(np.exp(c[0])) for c in km_ratio.cluster_centers_)
    return [round(s, 1) for s in sizes], [round(r, 3) for r in ratios]


def anchor_recall(wh, sizes, ratios, thr=4.0):
    """Fraction of boxes whose best anchor is within a factor `thr` in both w and h (YOLO-style BPR)."""
    anchors = np.array([[s / np.sqrt(r), s * np.sqrt(r)] for s in sizes for r in ratios])
    rel = wh[:, None, :] / anchors[None, :, :]
    worst = np.minimum(rel, 1.0 / rel).min(axis=2)
    return float((worst.max(axis=1) > 1.0 / thr).mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ann-dir", default="data/gtsdb_coco/annotations")
    ap.add_argument("--min-size", type=int, default=1024)
    ap.add_argument("--orig-min-size", type=int, default=800)
    ap.add_argument("--out", default="configs/anchors.json")
    args = ap.parse_args()

    per_split = {s: load_wh(f"{args.ann_dir}/{s}.json", args.min_size, args.orig_min_size) for s in SPLITS}
    all_wh = np.concatenate([per_split[s] for s in SPLITS])
    sizes, ratios = fit_anchors(all_wh)

    default_sizes, default_ratios = [32, 64, 128, 256, 512], [0.5, 1.0, 2.0]
    for s in SPLITS:
        print(f"{s:5s} BPR default={anchor_recall(per_split[s], default_sizes, default_ratios):.3f} "
              f"kmeans={anchor_recall(per_split[s], sizes, ratios):.3f}")

    with open(args.out, "w") as f:
        json.dump({"sizes": sizes, "aspect_ratios": ratios}, f, indent=2)
    print("anchors:", sizes, ratios)


if __name__ == "__main__":
    main()
