import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error


def fit_model(X_tr, y_tr, X_va, y_va, seed):
    model = lgb.LGBMRegressor(n_estimators=2000, learning_rate=0.03, num_leaves=31,
                              subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                              random_state=seed, verbose=-1)
    model.fit(X_tr, np.log(y_tr), eval_set=[(X_va, np.log(y_va))],
              callbacks=[lgb.early_stopping(100, verbose=False)])
    return model


def report(model, X_te, y_te, y_tr):
    pred = np.exp(model.predict(X_te))
    base = np.full(len(y_te), np.median(y_tr))
    return {"mae": mean_absolute_error(y_te, pred), "mape": mean_absolute_percentage_error(y_te, pred),
            "median_baseline_mae": mean_absolute_error(y_te, base)}
