import json

import numpy as np
import pandas as pd
from sklearn.metrics import (
    confusion_matrix,
    precision_score,
    recall_score,
    roc_auc_score,
)


def evaluate(model, X, y, threshold):
    proba = model.predict_proba(X)[:, 1]
    pred = (proba >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, pred).ravel()
    return {
        "roc_auc": float(roc_auc_score(y, proba)),
        "precision": float(precision_score(y, pred)),
        "recall": float(recall_score(y, pred)),
        "flagged_share": float(pred.mean()),
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
    }


def by_school(model, X, y, schools, threshold):
    rows = []
    for school, idx in schools.groupby(schools).groups.items():
        if y.loc[idx].nunique() < 2:
            continue
        m = evaluate(model, X.loc[idx], y.loc[idx], threshold)
        rows.append({"school_id": school, "n": len(idx), **{k: m[k] for k in ("roc_auc", "recall")}})
    return pd.DataFrame(rows).sort_values("roc_auc")


def write_report(path, overall, per_school):
    out = {"overall": overall, "per_school": per_school.to_dict(orient="records"),
           "worst_school_auc": float(np.min(per_school["roc_auc"]))}
    with open(path, "w") as f:
        json.dump(out, f, indent=2)
