"""Cirrhosis outcomes (S3E26): weighted blend and logistic stacker on level-1 OOF predictions."""
import json

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import PredefinedSplit, cross_val_predict

from level1_io import clip_norm, encode_labels, load_level1


def blend(preds, w):
    w = np.abs(w) / np.abs(w).sum()
    return clip_norm(sum(wi * p for wi, p in zip(w, preds)))


def fit_weights(preds, y):
    x0 = np.full(len(preds), 1.0 / len(preds))
    res = minimize(lambda w: log_loss(y, blend(preds, w)), x0, method="Nelder-Mead",
                   options={"maxiter": 2000, "xatol": 1e-5})
    return np.abs(res.x) / np.abs(res.x).sum()


def report(name, y, p):
    print(f"{name:22s} logloss {log_loss(y, p):.5f}  acc {accuracy_score(y, p.argmax(1)):.4f}  "
          f"auc_ovr {roc_auc_score(y, p, multi_class='ovr'):.4f}")


def main(cfg_path="blend_config.json"):
    cfg = json.load(open(cfg_path))
    names, classes = cfg["models"], cfg["classes"]
    oof, test, folds = load_level1(cfg["oof_dir"], names)
    y = encode_labels(pd.read_csv(cfg["train_csv"])["Status"], classes)
    oof_list = [oof[n] for n in names]
    test_list = [test[n] for n in names]

    prior = np.tile(np.bincount(y, minlength=len(classes)) / len(y), (len(y), 1))
    report("class prior", y, prior)
    for n in names:
        report(n, y, clip_norm(oof[n]))

    # blend weights: fitted on the other folds' OOF rows, scored on the held-out fold
    blend_oof = np.zeros_like(oof_list[0])
    for k in np.unique(folds):
        fit_rows, eval_rows = folds != k, folds == k
        w = fit_weights([p[fit_rows] for p in oof_list], y[fit_rows])
        blend_oof[eval_rows] = blend([p[eval_rows] for p in oof_list], w)
    report("weighted blend (cv)", y, blend_oof)

    # level-2 stacker on log-odds of the level-1 predictions, same fold ids
    Z = np.hstack([np.log(clip_norm(p)) for p in oof_list])
    Z_test = np.hstack([np.log(clip_norm(p)) for p in test_list])
    stacker = LogisticRegression(C=0.05, max_iter=5000, random_state=cfg["seed"])
    stack_oof = cross_val_predict(stacker, Z, y, cv=PredefinedSplit(folds), method="predict_proba")
    report("logreg stacker (cv)", y, stack_oof)

    final_w = fit_weights(oof_list, y)
    print("final blend weights:", dict(zip(names, final_w.round(3))))
    if log_loss(y, stack_oof) < log_loss(y, blend_oof):
        test_pred = stacker.fit(Z, y).predict_proba(Z_test)
        choice = "stack"
    else:
        test_pred = blend(test_list, final_w)
        choice = "blend"

    sub = pd.read_csv(cfg["sample_submission"])
    sub[[f"Status_{c}" for c in classes]] = test_pred
    sub.to_csv(f"submission_{choice}.csv", index=False)
    print(f"wrote submission_{choice}.csv")


if __name__ == "__main__":
    main()
