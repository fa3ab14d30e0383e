import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from sklearn.model_selection import KFold


def cross_validate(df, feats, target, model_cfg, cv_cfg):
    folds = KFold(n_splits=cv_cfg["n_splits"], shuffle=True, random_state=cv_cfg["seed"])
    params = {k: v for k, v in model_cfg.items() if k not in ("num_boost_round", "early_stopping_rounds")}
    params["seed"] = cv_cfg["seed"]
    params["verbosity"] = -1
    scores, best_iters = [], []
    for fold, (tr_idx, va_idx) in enumerate(folds.split(df)):
        tr, va = df.iloc[tr_idx], df.iloc[va_idx]
        dtr = lgb.Dataset(tr[feats], tr[target])
        dva = lgb.Dataset(va[feats], va[target], reference=dtr)
        booster = lgb.train(
            params, dtr, num_boost_round=model_cfg["num_boost_round"], valid_sets=[dva],
            callbacks=[lgb.early_stopping(model_cfg["early_stopping_rounds"], verbose=False)],
        )
        pred = booster.predict(va[feats], num_iteration=booster.best_iteration)
        naive = va["lag_7"].to_numpy()
        scores.append({
            "fold": fold,
            "mae": mean_absolute_error(va[target], pred),
            "poisson_dev": mean_poisson_deviance(va[target], np.clip(pred, 1e-6, None)),
            "mae_seasonal_naive": mean_absolute_error(va[target], naive),
        })
        best_iters.append(booster.best_iteration)
    return scores, int(np.median(best_iters))
