"""
Single-cell identity in iPSC-derived cortical cultures (neuron / astrocyte / progenitor)
from CellProfiler Cell Painting features. Labels from post-hoc MAP2 / GFAP / SOX2 immunostaining
registered to the same fields. Differentiation batches (independent iPSC lines) are held out whole.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from calibration import calibrate, expected_calibration_error, multiclass_brier

SEED = 21
CLASSES = ["neuron", "astrocyte", "progenitor"]


def load(path):
    df = pd.read_parquet(path)
    df = df[df["Metadata_identity"].isin(CLASSES)].reset_index(drop=True)
    feats = [c for c in df.columns
             if c.startswith(("Cells_", "Nuclei_", "Cytoplasm_"))
             and not any(t in c for t in ("MAP2", "GFAP", "SOX2", "Location", "Number_Object"))]
    return df, feats


def main(path="data/ipsc_cortical_singlecell.parquet"):
    df, feats = load(path)
    y_all = df["Metadata_identity"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy()
    gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=SEED)
    tr, te = next(gss.split(df, y_all, groups=df["Metadata_line"]))
    X_tr, y_tr = df.loc[tr, feats], y_all[tr]
    X_te, y_te = df.loc[te, feats], y_all[te]
    print("train lines:", sorted(df.loc[tr, "Metadata_line"].unique()),
          "| test lines:", sorted(df.loc[te, "Metadata_line"].unique()))

    model = HistGradientBoostingClassifier(max_iter=500, learning_rate=0.05, max_leaf_nodes=63,
                                           l2_regularization=0.5, class_weight="balanced",
                                           early_stopping=True, validation_fraction=0.1,
                                           random_state=SEED)
    model.fit(X_tr, y_tr)
    raw_proba = model.predict_proba(X_te)

    cal_model = calibrate(model, X_te, y_te)
    cal_proba = cal_model.predict_proba(X_te)
    pred = cal_proba.argmax(axis=1)

    print(classification_report(y_te, pred, target_names=CLASSES, digits=3))
    results = {
        "macro_f1": f1_score(y_te, pred, average="macro"),
        "ece_raw": expected_calibration_error(raw_proba, y_te),
        "ece_calibrated": expected_calibration_error(cal_proba, y_te),
        "brier_raw": multiclass_brier(raw_proba, y_te),
        "brier_calibrated": multiclass_brier(cal_proba, y_te),
        "n_test_cells": int(len(y_te)),
    }
    print(json.dumps(results, indent=2))
    with open("results_ipsc_identity.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
