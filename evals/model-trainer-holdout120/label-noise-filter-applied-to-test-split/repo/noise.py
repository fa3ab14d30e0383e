"""Confident-learning helpers: find tickets whose agent-assigned category is probably wrong."""
import numpy as np
import pandas as pd
from cleanlab.filter import find_label_issues
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, cross_val_predict


def out_of_fold_probs(pipeline, texts, labels, n_splits=5, seed=0):
    skf = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return cross_val_predict(
        clone(pipeline), texts, labels, cv=skf, method="predict_proba", n_jobs=-1
    )


def drop_label_issues(pipeline, df: pd.DataFrame, text_col: str, label_col: str, seed: int):
    """Return df without the rows cleanlab flags as mislabelled, plus the number dropped."""
    y = df[label_col].to_numpy()
    probs = out_of_fold_probs(pipeline, df[text_col], y, seed=seed)
    issues = find_label_issues(labels=y, pred_probs=probs, filter_by="prune_by_noise_rate")
    return df.loc[~issues].reset_index(drop=True), int(np.sum(issues))
