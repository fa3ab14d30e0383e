"""Per-drug sensitive/resistant classifiers for cancer cell lines (CCLE expression, GDSC2 IC50)."""
import sys

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split


def binarise_response(ln_ic50, max_conc_um):
    """Sensitive = IC50 reached below the highest screened concentration (GDSC convention)."""
    return (ln_ic50 < np.log(max_conc_um)).astype(int)


def load(cfg):
    expr = pd.read_parquet(cfg["expression"])
    genes = [g.strip() for g in open(cfg["gene_set"]) if g.strip()]
    expr = expr.loc[:, expr.columns.intersection(genes)]
    resp = pd.read_csv(cfg["response"])
    return expr, resp


def fit_drug(expr, resp, drug, cfg):
    d = resp[resp["drug_name"] == drug].set_index("depmap_id")
    lines = expr.index.intersection(d.index)
    X = expr.loc[lines].to_numpy()
    y = binarise_response(d.loc[lines, "ln_ic50"], d["max_conc_um"].iloc[0]).to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y)

    rf = RandomForestClassifier(n_estimators=cfg["n_estimators"], max_features="sqrt",
                                min_samples_leaf=2, class_weight="balanced_subsample", n_jobs=-1)
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True)
    cv_auc = cross_val_score(rf, X_train, y_train, cv=cv, scoring="roc_auc")

    rf.fit(X_train, y_train)
    dummy = DummyClassifier(strategy="stratified").fit(X_train, y_train)
    p = rf.predict_proba(X_test)[:, 1]
    threshold = y_train.mean()
    return {
        "drug": drug,
        "n_lines": len(lines),
        "cv_auc_mean": cv_auc.mean(),
        "cv_auc_sd": cv_auc.std(),
        "test_auc": roc_auc_score(y_test, p),
        "test_pr_auc": average_precision_score(y_test, p),
        "test_bal_acc": balanced_accuracy_score(y_test, (p >= threshold).astype(int)),
        "dummy_auc": roc_auc_score(y_test, dummy.predict_proba(X_test)[:, 1]),
        "top_genes": ",".join(expr.columns[np.argsort(rf.feature_importances_)[::-1][:10]]),
    }


def main(cfg_path="drugs.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    expr, resp = load(cfg)
    print(f"expression: {expr.shape[0]} cell lines x {expr.shape[1]} genes")
    rows = []
    for drug in cfg["drugs"]:
        res = fit_drug(expr, resp, drug, cfg)
        print(f"{drug:>12}: test AUC {res['test_auc']:.3f} (dummy {res['dummy_auc']:.3f}), "
              f"CV AUC {res['cv_auc_mean']:.3f}±{res['cv_auc_sd']:.3f}")
        rows.append(res)
    pd.DataFrame(rows).to_csv(cfg["results"], index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
