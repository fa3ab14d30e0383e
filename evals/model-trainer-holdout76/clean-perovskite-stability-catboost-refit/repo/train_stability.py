"""Thermodynamic stability of ABO3 perovskites (E_hull < 40 meV/atom) with CatBoost.

Categorical A/B-site elements are handled by CatBoost's ordered target statistics.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 65
HULL_CUTOFF_EV = 0.040
OUT = Path("artifacts/perovskite_stability")
NUMERIC = ["r_A", "r_B", "chi_A", "chi_B", "ox_A", "ox_B", "tolerance_t", "octahedral_mu", "tau_bartel"]
CATEGORICAL = ["A_site", "B_site"]


def load(path):
    df = pd.read_csv(path)
    # Goldschmidt tolerance factor and octahedral factor from Shannon radii (Angstrom)
    r_O = 1.40
    df["tolerance_t"] = (df["r_A"] + r_O) / (np.sqrt(2) * (df["r_B"] + r_O))
    df["octahedral_mu"] = df["r_B"] / r_O
    df["tau_bartel"] = r_O / df["r_B"] - df["ox_A"] * (df["ox_A"] - (df["r_A"] / df["r_B"]) / np.log(df["r_A"] / df["r_B"]))
    df["stable"] = (df["e_hull_eV_atom"] < HULL_CUTOFF_EV).astype(int)
    return df


def scores(y, p, thr):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "mcc": matthews_corrcoef(y, p >= thr), "f1": f1_score(y, p >= thr)}


df = load("data/abo3_dft_hull.csv")
X, y = df[NUMERIC + CATEGORICAL], df["stable"].to_numpy()
print(f"{len(df)} compositions, {y.mean():.1%} stable")

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

params = dict(iterations=4000, learning_rate=0.03, depth=6, l2_leaf_reg=3, auto_class_weights="Balanced",
              eval_metric="PRAUC", random_seed=SEED, verbose=500)
cb = CatBoostClassifier(**params, early_stopping_rounds=200)
cb.fit(Pool(X_tr, y_tr, cat_features=CATEGORICAL), eval_set=Pool(X_val, y_val, cat_features=CATEGORICAL),
       use_best_model=True)

# physics baseline: logistic regression on the two classic geometric descriptors
geo = LogisticRegression(class_weight="balanced").fit(X_tr[["tolerance_t", "octahedral_mu"]], y_tr)

p_val_cb = cb.predict_proba(X_val)[:, 1]
p_val_geo = geo.predict_proba(X_val[["tolerance_t", "octahedral_mu"]])[:, 1]
grid = np.linspace(0.05, 0.95, 91)
thr_cb = float(grid[np.argmax([matthews_corrcoef(y_val, p_val_cb >= t) for t in grid])])
thr_geo = float(grid[np.argmax([matthews_corrcoef(y_val, p_val_geo >= t) for t in grid])])

report = {
    "catboost": scores(y_test, cb.predict_proba(X_test)[:, 1], thr_cb),
    "tolerance_logreg": scores(y_test, geo.predict_proba(X_test[["tolerance_t", "octahedral_mu"]])[:, 1], thr_geo),
    "thresholds": {"catboost": thr_cb, "tolerance_logreg": thr_geo},
    "best_iteration": cb.get_best_iteration(),
}
print(json.dumps(report, indent=2, default=float))

# production model for screening new compositions: same settings, all labelled data, fixed tree count
final = CatBoostClassifier(**{**params, "iterations": cb.get_best_iteration() + 1})
final.fit(Pool(X, y, cat_features=CATEGORICAL))
OUT.mkdir(parents=True, exist_ok=True)
final.save_model(str(OUT / "catboost_stability.cbm"))
(OUT / "holdout_report.json").write_text(json.dumps(report, indent=2, default=float))
