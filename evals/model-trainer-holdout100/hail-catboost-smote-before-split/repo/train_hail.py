"""Large-hail (>= 2 cm) day classifier from 12 UTC radiosonde-derived convective parameters.

Labels come from the severe weather report database matched within 100 km / 12-24 UTC of each
sounding site. Large-hail days are rare (a few percent of convective-season soundings).
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from imblearn.over_sampling import SMOTE
from sklearn.metrics import (average_precision_score, classification_report, f1_score,
                             precision_recall_curve, roc_auc_score)
from sklearn.model_selection import train_test_split

SEED = 31
DATA = Path("data/soundings_hail_2000_2022.csv")
OUT = Path("models/hail")
PARAMS = ["mucape", "mlcape", "mlcin", "lapse_rate_700_500", "bulk_shear_0_6km", "srh_0_3km",
          "freezing_level_m", "wbz_height_m", "pwat_mm", "lcl_height_m", "el_temp_c", "t500_c"]


def significant_hail_parameter(df):
    """SHIP (SPC), used here as the physically based reference forecast."""
    shear = df["bulk_shear_0_6km"].clip(7, 27)
    ship = (df["mucape"] * 13.0 * df["lapse_rate_700_500"] * (-df["t500_c"]) * shear) / 42_000_000
    ship = ship.where(df["mucape"] >= 1300, ship * df["mucape"] / 1300)
    ship = ship.where(df["freezing_level_m"] >= 2400, ship * df["freezing_level_m"] / 2400)
    return ship


def main():
    df = pd.read_csv(DATA, parse_dates=["date"])
    df = df[df["date"].dt.month.between(4, 9)].dropna(subset=PARAMS)
    print(df["large_hail"].value_counts())

    X = df[PARAMS].to_numpy()
    y = df["large_hail"].to_numpy()
    ship_all = significant_hail_parameter(df).to_numpy()

    X_res, y_res = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=SEED).fit_resample(X, y)
    print(f"after SMOTE: {len(y_res)} rows, positive rate {y_res.mean():.2f}")

    X_tr, X_te, y_tr, y_te = train_test_split(X_res, y_res, test_size=0.2, stratify=y_res,
                                              random_state=SEED)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr,
                                                random_state=SEED)

    model = CatBoostClassifier(iterations=3000, learning_rate=0.03, depth=6, l2_leaf_reg=5,
                               eval_metric="PRAUC", random_seed=SEED, verbose=500,
                               early_stopping_rounds=200)
    model.fit(X_tr, y_tr, eval_set=(X_val, y_val), use_best_model=True)

    p_val = model.predict_proba(X_val)[:, 1]
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1)])

    p_te = model.predict_proba(X_te)[:, 1]
    yhat = (p_te >= threshold).astype(int)
    report = {
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_te, p_te),
        "pr_auc": average_precision_score(y_te, p_te),
        "f1": f1_score(y_te, yhat),
        # reference: SHIP >= 1 on the original (non-resampled) soundings
        "ship_f1_original": f1_score(y, (ship_all >= 1.0).astype(int)),
        "ship_roc_auc_original": roc_auc_score(y, ship_all),
    }
    print(classification_report(y_te, yhat, digits=3))
    print(json.dumps(report, indent=2))
    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(str(OUT / "hail_catboost.cbm"))
    (OUT / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
