"""Penalised Cox model for overall survival in the colorectal-cancer registry."""
import logging

import numpy as np
import wandb
from lifelines import CoxPHFitter
from sklearn.model_selection import StratifiedKFold, train_test_split

from survlab.data import load_registry
from survlab.settings import WANDB_API_KEY, WANDB_ENTITY, WANDB_PROJECT, SurvivalConfig

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("cox")


def cv_concordance(frame, cols, cfg, penalizer):
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg.seed)
    scores = []
    for tr, va in folds.split(frame, frame[cfg.event_col]):
        cph = CoxPHFitter(penalizer=penalizer)
        cph.fit(frame.iloc[tr][cols + [cfg.duration_col, cfg.event_col]],
                duration_col=cfg.duration_col, event_col=cfg.event_col)
        scores.append(cph.score(frame.iloc[va][cols + [cfg.duration_col, cfg.event_col]],
                                scoring_method="concordance_index"))
    return float(np.mean(scores))


def main():
    cfg = SurvivalConfig()
    np.random.seed(cfg.seed)
    wandb.login(key=WANDB_API_KEY)
    run = wandb.init(project=WANDB_PROJECT, entity=WANDB_ENTITY, config=vars(cfg))

    reg = load_registry(cfg.data_path)
    dev, test = train_test_split(reg, test_size=cfg.test_size, stratify=reg[cfg.event_col],
                                 random_state=cfg.seed)
    keep = cfg.covariates + [cfg.duration_col, cfg.event_col]

    cv = {pen: cv_concordance(dev, cfg.covariates, cfg, pen) for pen in cfg.penalizers}
    best_pen = max(cv, key=cv.get)
    log.info("CV concordance by penalizer: %s -> %.3f", cv, best_pen)

    full = CoxPHFitter(penalizer=best_pen).fit(dev[keep], duration_col=cfg.duration_col,
                                               event_col=cfg.event_col)
    age_only = CoxPHFitter().fit(dev[["age", cfg.duration_col, cfg.event_col]],
                                 duration_col=cfg.duration_col, event_col=cfg.event_col)

    metrics = {
        "test_cindex": full.score(test[keep], scoring_method="concordance_index"),
        "test_loglik": full.score(test[keep], scoring_method="log_likelihood"),
        "test_cindex_age_only": age_only.score(test[["age", cfg.duration_col, cfg.event_col]],
                                               scoring_method="concordance_index"),
        "penalizer": best_pen,
    }
    log.info("%s", metrics)
    run.log(metrics)
    run.log({"hazard_ratios": wandb.Table(dataframe=full.summary.reset_index())})
    run.finish()


if __name__ == "__main__":
    main()
