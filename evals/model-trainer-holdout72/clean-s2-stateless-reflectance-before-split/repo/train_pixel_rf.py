"""Pixel classifier for the 2023 land-cover update (Sentinel-2 L2A, 10 m).

Reflectance conversion, cloud masking and spectral indices are applied per scene
before sampling; the split is done on reference polygons afterwards.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import rasterio
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, cohen_kappa_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedGroupKFold

SEED = 77
BOA_OFFSET = -1000
QUANT = 10000.0
SCL_INVALID = {0, 1, 3, 8, 9, 10, 11}   # no data, saturated, cloud shadow, clouds, cirrus, snow


def to_reflectance(dn):
    refl = (dn.astype("float32") + BOA_OFFSET) / QUANT
    return np.clip(refl, 0.0, 1.0)


def norm_diff(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(a + b == 0, 0.0, (a - b) / (a + b))


def scene_features(stack_path, scl_path):
    with rasterio.open(stack_path) as src:
        dn = src.read()
    with rasterio.open(scl_path) as src:
        scl = src.read(1)
    r = to_reflectance(dn)
    blue, green, red, nir, swir1, swir2 = r[0], r[1], r[2], r[6], r[8], r[9]
    feats = np.concatenate([
        r,
        norm_diff(nir, red)[None],
        norm_diff(green, nir)[None],
        norm_diff(swir1, nir)[None],
        norm_diff(nir, swir2)[None],
        np.log1p(r[[6, 8]] * 100.0),
    ])
    valid = ~np.isin(scl, list(SCL_INVALID))
    return feats, valid


def sample_pixels(scenes, labels_path, polygons_path, max_per_polygon, rng):
    with rasterio.open(labels_path) as src:
        labels = src.read(1)
    with rasterio.open(polygons_path) as src:
        poly_ids = src.read(1)
    X, y, g = [], [], []
    for stack_path, scl_path in scenes:
        feats, valid = scene_features(stack_path, scl_path)
        for pid in np.unique(poly_ids[(poly_ids > 0) & valid]):
            rows, cols = np.nonzero((poly_ids == pid) & valid)
            take = rng.choice(len(rows), size=min(max_per_polygon, len(rows)), replace=False)
            X.append(feats[:, rows[take], cols[take]].T)
            y.append(labels[rows[take], cols[take]])
            g.append(np.full(len(take), pid))
    return np.vstack(X), np.concatenate(y), np.concatenate(g)


def main(args):
    rng = np.random.default_rng(SEED)
    scenes = json.loads(Path(args.scenes).read_text())
    X, y, groups = sample_pixels(scenes, args.labels, args.polygons, args.max_per_polygon, rng)
    print(f"{len(y)} pixels, {len(np.unique(groups))} polygons, classes {np.bincount(y)}")

    sgkf = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    train_idx, test_idx = next(sgkf.split(X, y, groups))

    rf = RandomForestClassifier(n_estimators=400, max_features="sqrt", min_samples_leaf=3,
                                class_weight="balanced_subsample", oob_score=True,
                                n_jobs=-1, random_state=SEED)
    rf.fit(X[train_idx], y[train_idx])
    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X[train_idx], y[train_idx])
    print(f"RF OOB score (train polygons): {rf.oob_score_:.3f}")

    for name, model in [("stratified-random", dummy), ("random forest", rf)]:
        pred = model.predict(X[test_idx])
        print(f"{name:>18}: macro F1 {f1_score(y[test_idx], pred, average='macro'):.3f}  "
              f"bal.acc {balanced_accuracy_score(y[test_idx], pred):.3f}  "
              f"kappa {cohen_kappa_score(y[test_idx], pred):.3f}")
    print(confusion_matrix(y[test_idx], rf.predict(X[test_idx])))
    joblib.dump(rf, args.model_out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenes", default="config/scenes_2023.json")
    ap.add_argument("--labels", default="reference/labels_2023.tif")
    ap.add_argument("--polygons", default="reference/polygon_ids_2023.tif")
    ap.add_argument("--max-per-polygon", type=int, default=150)
    ap.add_argument("--model-out", default="models/rf_landcover_2023.joblib")
    main(ap.parse_args())
