"""LMNA-carrier vs healthy fibroblasts from per-well CellProfiler features; donors held out."""
import itertools
import json
import os

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline

from data import donor_split, load_wells


def donor_auc(frame, proba, group_col, label_col):
    """Average well probabilities per donor, then AUC across donors."""
    d = frame[[group_col, label_col]].assign(p=proba).groupby(group_col).mean()
    return roc_auc_score(d[label_col], d["p"])


def make_model(params, seed):
    return make_pipeline(
        SimpleImputer(strategy="median"),
        RandomForestClassifier(**params, class_weight="balanced", n_jobs=-1, random_state=seed),
    )


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    label, group, seed = cfg["data"]["label"], cfg["data"]["group"], cfg["split"]["seed"]
    os.makedirs(cfg["output_dir"], exist_ok=True)

    df, feats = load_wells(cfg)
    sp = donor_split(df, group, label, cfg["split"]["test_donor_frac"], cfg["split"]["val_donor_frac"], seed)
    train, val, test = sp["train"], sp["val"], sp["test"]
    print({k: v[group].nunique() for k, v in sp.items()}, "donors")

    keys = list(cfg["grid"])
    results = []
    for values in itertools.product(*(cfg["grid"][k] for k in keys)):
        params = dict(zip(keys, values))
        model = make_model(params, seed).fit(train[feats], train[label])
        auc = donor_auc(val, model.predict_proba(val[feats])[:, 1], group, label)
        results.append({**params, "val_donor_auc": auc})
        print(params, f"val donor AUC {auc:.3f}")
    top = max(results, key=lambda r: r["val_donor_auc"])
    best = {k: top[k] for k in keys}
    results = pd.DataFrame(results).sort_values("val_donor_auc", ascending=False)

    train_val = pd.concat([train, val], ignore_index=True)
    final = make_model(best, seed).fit(train_val[feats], train_val[label])
    test_proba = final.predict_proba(test[feats])[:, 1]
    summary = {
        "best_params": best,
        "val_donor_auc": float(top["val_donor_auc"]),
        "test_donor_auc": float(donor_auc(test, test_proba, group, label)),
        "test_well_auc": float(roc_auc_score(test[label], test_proba)),
        "n_test_donors": int(test[group].nunique()),
    }
    print(json.dumps(summary, indent=2, default=str))
    results.to_csv(os.path.join(cfg["output_dir"], "grid.csv"), index=False)
    joblib.dump(final, os.path.join(cfg["output_dir"], "rf_final.joblib"))


if __name__ == "__main__":
    main()
