import numpy as np
from sklearn.metrics import mean_tweedie_deviance


def gini(loss, pred_loss, exposure):
    loss, pred_loss, exposure = (np.asarray(a, dtype=float) for a in (loss, pred_loss, exposure))
    order = np.argsort(pred_loss / exposure)
    x = np.concatenate([[0.0], np.cumsum(exposure[order]) / exposure.sum()])
    y = np.concatenate([[0.0], np.cumsum(loss[order]) / loss.sum()])
    return 1.0 - 2.0 * np.trapz(y, x)


def summarise(name, loss, pred_loss, exposure, power):
    return {
        "model": name,
        "tweedie_deviance": mean_tweedie_deviance(loss / exposure, pred_loss / exposure,
                                                  sample_weight=exposure, power=power),
        "gini": gini(loss, pred_loss, exposure),
        "actual_over_expected": float(np.sum(loss) / np.sum(pred_loss)),
    }
