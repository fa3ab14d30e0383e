import numpy as np
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import precision_recall_curve

from .data import CAT, NUM, TARGET


def to_pool(df):
    return Pool(df[CAT + NUM], label=df[TARGET], cat_features=CAT)


def train_catboost(params, seed, train_df, val_df):
    model = CatBoostClassifier(**params, random_seed=seed, verbose=250, use_best_model=True)
    model.fit(to_pool(train_df), eval_set=to_pool(val_df))
    return model


def threshold_for_precision(y_true, scores, min_precision):
    prec, rec, thr = precision_recall_curve(y_true, scores)
    idx = np.where(prec[:-1] >= min_precision)[0]
    return float(thr[idx[np.argmax(rec[:-1][idx])]]) if len(idx) else 0.5
