"""
Senescent vs proliferating fibroblasts from nuclear morphology (DAPI) + lamin B1 intensity.
Per-nucleus features via skimage.regionprops_table on the Cellpose nuclear masks.
Labels: SA-beta-gal positive/negative from the paired brightfield stain (already matched per nucleus).
Donor-level CV (12 donors, 2 - 6 coverslips each).
"""
import glob
import os

import numpy as np
import pandas as pd
import tifffile
from skimage.measure import regionprops_table
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from xgboost import XGBClassifier

SEED = 2023
PROPS = ("label", "area", "perimeter", "eccentricity", "solidity", "extent",
         "major_axis_length", "minor_axis_length", "intensity_mean", "intensity_max")
SKEWED = ["area", "perimeter", "major_axis_length", "minor_axis_length",
          "dapi_integrated", "dapi_intensity_max", "lmnb1_intensity_mean"]


def nuclear_features(img_path, mask_path):
    stack = tifffile.imread(img_path)            # (2, H, W): DAPI, lamin B1
    mask = tifffile.imread(mask_path)
    dapi = pd.DataFrame(regionprops_table(mask, intensity_image=stack[0], properties=PROPS))
    dapi = dapi.rename(columns={"intensity_mean": "dapi_intensity_mean", "intensity_max": "dapi_intensity_max"})
    lmnb1 = pd.DataFrame(regionprops_table(mask, intensity_image=stack[1], properties=("label", "intensity_mean")))
    feats = dapi.merge(lmnb1.rename(columns={"intensity_mean": "lmnb1_intensity_mean"}), on="label")
    feats["dapi_integrated"] = feats["dapi_intensity_mean"] * feats["area"]
    feats["form_factor"] = 4 * np.pi * feats["area"] / feats["perimeter"].clip(lower=1) ** 2
    feats["lmnb1_to_dapi"] = feats["lmnb1_intensity_mean"] / feats["dapi_intensity_mean"].clip(lower=1)
    return feats


def build_table(root="data/coverslips"):
    labels = pd.read_csv(os.path.join(root, "sabgal_labels.csv"))  # coverslip, label, senescent
    meta = pd.read_csv(os.path.join(root, "coverslips.csv"))      # coverslip, donor, passage
    rows = []
    for img_path in sorted(glob.glob(os.path.join(root, "*_img.tif"))):
        cs = os.path.basename(img_path).replace("_img.tif", "")
        f = nuclear_features(img_path, img_path.replace("_img.tif", "_nuclei_masks.tif"))
        rows.append(f.assign(coverslip=cs))
    table = pd.concat(rows, ignore_index=True)
    table = table.merge(labels, on=["coverslip", "label"]).merge(meta, on="coverslip")
    return table[table["area"] >= 80].reset_index(drop=True)


def main():
    cells = build_table()
    cells[SKEWED] = np.log1p(cells[SKEWED])
    feat_cols = [c for c in cells.columns if c not in ("label", "coverslip", "senescent", "donor", "passage")]
    X, y, donors = cells[feat_cols].to_numpy(np.float32), cells["senescent"].to_numpy(), cells["donor"].to_numpy()
    print(f"{len(cells)} nuclei, {len(np.unique(donors))} donors, {y.mean():.1%} senescent")

    cv = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    aucs, aps = [], []
    for k, (tr, te) in enumerate(cv.split(X, y, groups=donors)):
        model = XGBClassifier(n_estimators=500, max_depth=4, learning_rate=0.05, subsample=0.8,
                              colsample_bytree=0.8, min_child_weight=5, tree_method="hist",
                              eval_metric="logloss", random_state=SEED)
        model.fit(X[tr], y[tr])
        p = model.predict_proba(X[te])[:, 1]
        aucs.append(roc_auc_score(y[te], p))
        aps.append(average_precision_score(y[te], p))
        print(f"fold {k}: test donors {sorted(set(donors[te]))}  AUC {aucs[-1]:.3f}  AP {aps[-1]:.3f}")

    print(f"donor-CV AUC {np.mean(aucs):.3f} +/- {np.std(aucs):.3f} | AP {np.mean(aps):.3f} +/- {np.std(aps):.3f}")


if __name__ == "__main__":
    main()
