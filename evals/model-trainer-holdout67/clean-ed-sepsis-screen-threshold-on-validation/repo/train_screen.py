"""ED triage sepsis screen: XGBoost vs. qSOFA, operating point fixed on validation visits."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedGroupKFold

FEATURES = [
    "age", "triage_temp", "triage_hr", "triage_rr", "triage_sbp", "triage_spo2", "triage_gcs",
    "esi_level", "arrival_ambulance", "nursing_home", "chief_complaint_fever", "chief_complaint_dyspnea",
    "chief_complaint_ams", "chief_complaint_weakness", "prior_ed_visits_30d", "immunocompromised",
    "indwelling_device", "poc_lactate", "poc_glucose",
]


def qsofa(df: pd.DataFrame) -> np.ndarray:
    return ((df["triage_rr"] >= 22).astype(int) + (df["triage_sbp"] <= 100).astype(int)
            + (df["triage_gcs"] < 15).astype(int)).to_numpy()


def operating_point(y, p, min_sens):
    fpr, tpr, thr = roc_curve(y, p)
    ok = np.where(tpr >= min_sens)[0][0]
    return float(thr[ok])


def at_threshold(y, flag):
    tp = int(((flag == 1) & (y == 1)).sum())
    fp = int(((flag == 1) & (y == 0)).sum())
    fn = int(((flag == 0) & (y == 1)).sum())
    tn = int(((flag == 0) & (y == 0)).sum())
    return {"sensitivity": tp / (tp + fn), "specificity": tn / (tn + fp),
            "ppv": tp / max(tp + fp, 1), "flag_rate": float(flag.mean())}


def main(cfg_path="screen_config.json"):
    cfg = json.load(open(cfg_path))
    out = Path(cfg["out"])
    out.mkdir(parents=True, exist_ok=True)
    df = pd.read_parquet(cfg["data"])
    y_all, groups = df["sepsis_72h"], df["patient_id"]

    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    folds = list(sgkf.split(df, y_all, groups))
    test_idx, val_idx = folds[0][1], folds[1][1]
    train_idx = np.setdiff1d(np.arange(len(df)), np.concatenate([test_idx, val_idx]))
    train, val, test = df.iloc[train_idx], df.iloc[val_idx], df.iloc[test_idx]

    model = xgb.XGBClassifier(**cfg["xgb"], random_state=cfg["seed"])
    model.fit(train[FEATURES], train["sepsis_72h"], eval_set=[(val[FEATURES], val["sepsis_72h"])], verbose=300)

    p_val = model.predict_proba(val[FEATURES])[:, 1]
    thr = operating_point(val["sepsis_72h"].to_numpy(), p_val, cfg["target_sensitivity"])

    y_test = test["sepsis_72h"].to_numpy()
    p_test = model.predict_proba(test[FEATURES])[:, 1]
    q_test = qsofa(test)
    report = {
        "threshold_from_validation": thr,
        "best_iteration": int(model.best_iteration),
        "xgb": {"auroc": roc_auc_score(y_test, p_test), "auprc": average_precision_score(y_test, p_test),
                **at_threshold(y_test, (p_test >= thr).astype(int))},
        "qsofa>=2": {"auroc": roc_auc_score(y_test, q_test), "auprc": average_precision_score(y_test, q_test),
                     **at_threshold(y_test, (q_test >= 2).astype(int))},
    }
    print(json.dumps(report, indent=2))
    json.dump(report, open(out / "test_report.json", "w"), indent=2)
    model.save_model(out / "sepsis_screen.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
