"""Cross-fitted reward model r_hat(x, a) for doubly-robust estimation.

Each fold's predictions come from a model that never saw that fold's rounds,
which keeps the DR correction term unbiased by reward-model overfitting.
"""
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold


def _design(X, actions):
    return np.column_stack([X, actions])


def crossfit_reward_model(X, actions, rewards, n_actions, n_folds, params, seed):
    n = len(rewards)
    r_hat_all = np.zeros((n, n_actions))
    oof_logged = np.zeros(n)
    cat_mask = np.r_[np.zeros(X.shape[1], dtype=bool), True]
    skf = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for fit_idx, pred_idx in skf.split(X, rewards):
        model = HistGradientBoostingClassifier(
            categorical_features=cat_mask, random_state=seed, **params
        )
        model.fit(_design(X[fit_idx], actions[fit_idx]), rewards[fit_idx])
        for a in range(n_actions):
            a_col = np.full(len(pred_idx), a)
            r_hat_all[pred_idx, a] = model.predict_proba(_design(X[pred_idx], a_col))[:, 1]
        oof_logged[pred_idx] = r_hat_all[pred_idx, actions[pred_idx]]
    diagnostics = {
        "oof_auc": float(roc_auc_score(rewards, oof_logged)),
        "oof_log_loss": float(log_loss(rewards, oof_logged)),
        "oof_log_loss_prior": float(log_loss(rewards, np.full(n, rewards.mean()))),
    }
    return r_hat_all, diagnostics
