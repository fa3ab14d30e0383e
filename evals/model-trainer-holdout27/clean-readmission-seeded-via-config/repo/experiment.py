import json
import logging

import numpy as np
from sklearn.base import clone

from readmit.cohort import CATEGORICAL, NUMERIC, build_cohort
from readmit.config import RunConfig
from readmit.evaluate import probability_metrics
from readmit.models import model_zoo
from readmit.reproducibility import seed_everything
from readmit.splitting import patient_folds, patient_holdout

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("readmit")


def cross_validate(model, dev, cfg):
    X, y, groups = dev[NUMERIC + CATEGORICAL], dev[cfg.label], dev[cfg.group]
    scores = []
    for tr, va in patient_folds(cfg).split(X, y, groups):
        fitted = clone(model).fit(X.iloc[tr], y.iloc[tr])
        scores.append(probability_metrics(y.iloc[va], fitted.predict_proba(X.iloc[va])[:, 1]))
    return {k: float(np.mean([s[k] for s in scores])) for k in scores[0]}


def main():
    cfg = RunConfig.from_toml()
    seed_everything(cfg.seed)
    cohort = build_cohort(cfg)
    dev, holdout = patient_holdout(cohort, cfg)
    log.info("dev=%d holdout=%d, shared patients=%d", len(dev), len(holdout),
             len(set(dev[cfg.group]) & set(holdout[cfg.group])))

    zoo = model_zoo(cfg)
    cv = {name: cross_validate(m, dev, cfg) for name, m in zoo.items()}
    chosen = max((n for n in cv if n != "prior"), key=lambda n: cv[n]["pr_auc"])
    log.info("cv: %s -> chosen %s", cv, chosen)

    feats = NUMERIC + CATEGORICAL
    final = zoo[chosen].fit(dev[feats], dev[cfg.label])
    prior = zoo["prior"].fit(dev[feats], dev[cfg.label])
    report = {
        "cv": cv,
        "holdout": {
            chosen: probability_metrics(holdout[cfg.label], final.predict_proba(holdout[feats])[:, 1]),
            "prior": probability_metrics(holdout[cfg.label], prior.predict_proba(holdout[feats])[:, 1]),
        },
    }
    json.dump(report, open("reports/readmission.json", "w"), indent=2)


if __name__ == "__main__":
    main()
