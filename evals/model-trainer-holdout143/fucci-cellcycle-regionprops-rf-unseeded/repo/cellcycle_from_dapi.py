"""
Predict cell-cycle phase (G1 / G1-S / S-G2-M) from DAPI morphology + intensity only.
Ground truth phase is derived from the FUCCI reporters (mCherry-hCdt1, mVenus-hGeminin)
imaged in the same fields, so at inference time the reporters are not needed.

Inputs per field of view (exported from the StarDist run):
    fov/<plate>_<well>_<site>_dapi.tif, _cdt1.tif, _gem.tif, _labels.tif
"""
import glob
import os
import sys

import numpy as np
import pandas as pd
import tifffile
from skimage.measure import regionprops_table
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

PROPS = ("label", "area", "perimeter", "eccentricity", "solidity", "major_axis_length",
         "minor_axis_length", "intensity_mean", "intensity_max", "intensity_min")
SPLIT_SEED = 0


def fucci_phase(cdt1, gem, cdt1_thr, gem_thr):
    red, green = cdt1 > cdt1_thr, gem > gem_thr
    phase = np.full(len(cdt1), "unassigned", dtype=object)
    phase[red & ~green] = "G1"
    phase[~red & green] = "S/G2/M"
    phase[red & green] = "G1/S"
    return phase


def features_for_fov(prefix):
    dapi = tifffile.imread(prefix + "_dapi.tif").astype(np.float32)
    labels = tifffile.imread(prefix + "_labels.tif")
    cdt1 = tifffile.imread(prefix + "_cdt1.tif").astype(np.float32)
    gem = tifffile.imread(prefix + "_gem.tif").astype(np.float32)

    bg = np.median(dapi[labels == 0])
    t = pd.DataFrame(regionprops_table(labels, intensity_image=dapi - bg, properties=PROPS))
    t["integrated_dapi"] = t["intensity_mean"] * t["area"]
    t["aspect"] = t["major_axis_length"] / t["minor_axis_length"].clip(lower=1)
    t["circularity"] = 4 * np.pi * t["area"] / t["perimeter"].clip(lower=1) ** 2

    rep = pd.DataFrame(regionprops_table(labels, intensity_image=np.stack([cdt1, gem], -1),
                                         properties=("label", "intensity_mean")))
    # per-FOV cut: reporter background differs between wells
    cdt1_thr = np.percentile(cdt1[labels == 0], 99)
    gem_thr = np.percentile(gem[labels == 0], 99)
    t["phase"] = fucci_phase(rep["intensity_mean-0"].to_numpy(), rep["intensity_mean-1"].to_numpy(),
                             cdt1_thr, gem_thr)
    t["fov"] = os.path.basename(prefix)
    return t


def main(root):
    prefixes = sorted(p[: -len("_dapi.tif")] for p in glob.glob(os.path.join(root, "*_dapi.tif")))
    cells = pd.concat([features_for_fov(p) for p in prefixes], ignore_index=True)
    cells = cells[(cells["phase"] != "unassigned") & (cells["area"] > 60)]
    print(cells["phase"].value_counts())

    feat_cols = [c for c in cells.columns if c not in ("label", "phase", "fov")]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SPLIT_SEED)
    tr, te = next(gss.split(cells, groups=cells["fov"]))
    X_tr, y_tr = cells.iloc[tr][feat_cols], cells.iloc[tr]["phase"]
    X_te, y_te = cells.iloc[te][feat_cols], cells.iloc[te]["phase"]

    rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=3, max_features="sqrt",
                                class_weight="balanced_subsample", n_jobs=-1)
    rf.fit(X_tr, y_tr)
    pred = rf.predict(X_te)
    print(classification_report(y_te, pred, digits=3))
    print("macro F1:", round(f1_score(y_te, pred, average="macro"), 4))

    imp = pd.Series(rf.feature_importances_, index=feat_cols).sort_values(ascending=False)
    print(imp.round(4).to_string())
    cells.assign(split=np.where(cells.index.isin(cells.index[te]), "test", "train")).to_csv(
        "cellcycle_cells.csv", index=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/fov")
