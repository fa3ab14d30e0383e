import numpy as np
import lightgbm as lgb
from sklearn.model_selection import KFold
from sklearn.metrics import mean_absolute_error, mean_squared_error


def cross_validate(df, feature_cols, target, params, num_rounds, es_rounds, n_splits, seed):
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    maes, rmses, naive_maes, best_iters = [], [], [], []
    for k, (tr_idx, va_idx) in enumerate(folds.split(df)):
        tr, va = df.iloc[tr_idx], df.iloc[va_idx]
        dtr = lgb.Dataset(tr[feature_cols], tr[target])
        dva = lgb.Dataset(va[feature_cols], va[target], reference=dtr)
        booster = lgb.train(params, dtr, num_boost_round=num_rounds, valid_sets=[dva],
                            callbacks=[lgb.early_stopping(es_rounds, verbose=False)])
        pred = booster.predict(va[feature_cols], num_iteration=booster.best_iteration)
        maes.append(mean_absolute_error(va[target], pred))
        rmses.append(np.sqrt(mean_squared_error(va[target], pred)))
        naive_maes.append(mean_absolute_error(va[target], va["lag_7"]))
        best_iters.append(booster.best_iteration)
        print(f"fold {k}: MAE={maes[-1]:.2f} RMSE={rmses[-1]:.2f} seasonal-naive MAE={naive_maes[-1]:.2f}")
    return dict(mae=np.mean(maes), rmse=np.mean(rmses), naive_mae=np.mean(naive_maes),
                best_iter=int(np.median(best_iters)))
