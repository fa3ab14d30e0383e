import numpy as np


def rmse(obs, pred):
    return float(np.sqrt(np.mean((np.asarray(obs) - np.asarray(pred)) ** 2)))


def mae(obs, pred):
    return float(np.mean(np.abs(np.asarray(obs) - np.asarray(pred))))


def bias(obs, pred):
    return float(np.mean(np.asarray(pred) - np.asarray(obs)))


def skill_score(score_model, score_ref):
    return 1.0 - score_model / score_ref


def summary(obs, pred, ref):
    return {
        "rmse": rmse(obs, pred),
        "mae": mae(obs, pred),
        "bias": bias(obs, pred),
        "corr": float(np.corrcoef(obs, pred)[0, 1]),
        "rmse_skill_vs_ref": skill_score(rmse(obs, pred), rmse(obs, ref)),
    }
