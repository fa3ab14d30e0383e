"""COCO polygons -> Ultralytics YOLO-seg format, downscaled, split by drone flight."""
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import yaml
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit


def downscale(src, dst, max_side):
    img = Image.open(src).convert("RGB")
    scale = min(1.0, max_side / max(img.size))
    if scale < 1.0:
        img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
    dst.parent.mkdir(parents=True, exist_ok=True)
    img.save(dst, quality=95)


def polygon_to_yolo(seg, w, h):
    pts = np.asarray(seg, dtype=np.float64).reshape(-1, 2)
    pts[:, 0] /= w
    pts[:, 1] /= h
    return " ".join(f"{v:.6f}" for v in np.clip(pts, 0, 1).ravel())


def convert_all(coco, src_dir, work_dir, max_side):
    anns = defaultdict(list)
    for a in coco["annotations"]:
        anns[a["image_id"]].append(a)
    cat_index = {c["id"]: i for i, c in enumerate(sorted(coco["categories"], key=lambda c: c["id"]))}
    for im in coco["images"]:
        stem = Path(im["file_name"]).with_suffix("")
        downscale(Path(src_dir) / im["file_name"], work_dir / "all" / "images" / f"{stem}.jpg", max_side)
        lines = [f"{cat_index[a['category_id']]} {polygon_to_yolo(poly, im['width'], im['height'])}"
                 for a in anns[im["id"]] for poly in a["segmentation"] if len(poly) >= 6]
        label = work_dir / "all" / "labels" / f"{stem}.txt"
        label.parent.mkdir(parents=True, exist_ok=True)
        label.write_text("\n".join(lines))
    return [c["name"] for c in sorted(coco["categories"], key=lambda c: c["id"])]


def split_by_flight(coco, work_dir, val_frac, test_frac, seed):
    stems = np.array([str(Path(im["file_name"]).with_suffix("")) for im in coco["images"]])
    flights = np.array([im["flight_id"] for im in coco["images"]])
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    trval, test = next(gss.split(stems, groups=flights))
    gss = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr, va = next(gss.split(stems[trval], groups=flights[trval]))
    lists = {"train": stems[trval][tr], "val": stems[trval][va], "test": stems[test]}
    for split, names in lists.items():
        paths = [str((work_dir / "all" / "images" / f"{n}.jpg").resolve()) for n in names]
        (work_dir / f"{split}.txt").write_text("\n".join(paths))
    return {k: len(v) for k, v in lists.items()}


def main(cfg_path="configs/experiment.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    work = Path(cfg["prepared_dir"])
    coco = json.load(open(cfg["source_coco"]))
    names = convert_all(coco, cfg["source_images"], work, cfg["max_side"])
    sizes = split_by_flight(coco, work, cfg["val_fraction"], cfg["test_fraction"], cfg["seed"])
    data = {"path": str(work.resolve()), "train": "train.txt", "val": "val.txt", "test": "test.txt",
            "names": dict(enumerate(names))}
    yaml.safe_dump(data, open(work / "data.yaml", "w"))
    print(sizes)


if __name__ == "__main__":
    main()
