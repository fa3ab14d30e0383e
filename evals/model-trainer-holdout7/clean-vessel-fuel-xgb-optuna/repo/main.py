import argparse
import json

import numpy as np
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fuelwatch.prep import load_reports
from fuelwatch.search import tune


def group_holdout(y, groups, frac, seed):
    k = int(round(1 / frac))
    sgkf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(y)), y, groups))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfg", default="tuning.json")
    cfg = json.load(open(ap.parse_args().cfg))
    seed = cfg["seed"]
    x, y, vessel = load_reports(cfg["voyages"], cfg["label"])

    dev, holdout = group_holdout(y, vessel, cfg["test_size"], seed)        # whole vessels held out
    fit_rel, thr_rel = group_holdout(y[dev], vessel[dev], cfg["threshold_split"], seed + 1)
    fit, thr = dev[fit_rel], dev[thr_rel]

    dfit = xgb.DMatrix(x.iloc[fit], label=y[fit])
    params, rounds, cv_aucpr = tune(dfit, vessel[fit], cfg["n_trials"], cfg["cv_folds"], cfg["max_rounds"], seed)
    pos = y[fit].mean()
    params.update(objective="binary:logistic", eval_metric="aucpr", tree_method="hist",
                  scale_pos_weight=(1 - pos) / pos, seed=seed)
    booster = xgb.train(params, dfit, num_boost_round=rounds, evals=[(dfit, "fit")], verbose_eval=500)

    p_thr = booster.predict(xgb.DMatrix(x.iloc[thr]))
    prec, rec, cuts = precision_recall_curve(y[thr], p_thr)
    ok = rec[:-1] >= cfg["min_recall"]
    cut = float(cuts[ok][np.argmax(prec[:-1][ok])])

    p_hold = booster.predict(xgb.DMatrix(x.iloc[holdout]))
    ref = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    ref.fit(x.iloc[fit], y[fit])
    p_ref = ref.predict_proba(x.iloc[holdout])[:, 1]
    out = {
        "cv_aucpr": cv_aucpr, "rounds": rounds, "threshold": cut,
        "holdout_aucpr": average_precision_score(y[holdout], p_hold),
        "holdout_rocauc": roc_auc_score(y[holdout], p_hold),
        "holdout_recall": recall_score(y[holdout], p_hold >= cut),
        "holdout_f1": f1_score(y[holdout], p_hold >= cut),
        "logreg_aucpr": average_precision_score(y[holdout], p_ref),
    }
    print(json.dumps(out, indent=2))
    booster.save_model("fuelwatch_xgb.json")


if __name__ == "__main__":
    main()
