import argparse
import json
import logging

import numpy as np
import pandas as pd
import yaml
from sklearn.base import clone
from sklearn.model_selection import cross_val_predict

from ecgrisk.features import patient_relative
from ecgrisk.modeling import candidates, f1_threshold, metrics
from ecgrisk.splits import inner_cv, patient_holdout

log = logging.getLogger("ecgrisk")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO)
    np.random.seed(cfg["seed"])

    rec = pd.read_parquet(cfg["recordings"])
    rec = patient_relative(rec, cfg["signal_features"])
    feats = cfg["signal_features"] + cfg["static_features"] + [f"{c}_rel" for c in cfg["signal_features"]] + ["n_recordings"]
    X = rec[feats].to_numpy(float)
    y = rec["abnormal"].to_numpy(int)
    groups = rec["patient_id"].to_numpy()

    tr, te = patient_holdout(y, groups, cfg["n_outer_folds"], cfg["seed"])
    cv = inner_cv(cfg["n_inner_folds"], cfg["seed"])

    oof, scores = {}, {}
    for name, est in candidates(cfg["seed"]).items():
        oof[name] = cross_val_predict(est, X[tr], y[tr], cv=cv, groups=groups[tr], method="predict_proba")[:, 1]
        scores[name] = metrics(y[tr], oof[name], f1_threshold(y[tr], oof[name]))
        log.info("%s grouped-CV %s", name, scores[name])

    best = max((n for n in scores if n != "prior"), key=lambda n: scores[n]["avg_precision"])
    threshold = f1_threshold(y[tr], oof[best])

    report = {}
    for name in ("prior", best):
        model = clone(candidates(cfg["seed"])[name]).fit(X[tr], y[tr])
        report[name] = metrics(y[te], model.predict_proba(X[te])[:, 1], threshold)
    report["selected"] = best
    report["n_test_patients"] = int(len(set(groups[te])))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
