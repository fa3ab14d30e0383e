import numpy as np


def wape(y, p) -> float:
    return float(np.abs(y - p).sum() / max(1e-9, np.abs(y).sum()))


def report(y, p) -> dict:
    y, p = np.asarray(y, float), np.asarray(p, float)
    return {"mae": float(np.mean(np.abs(y - p))), "rmse": float(np.sqrt(np.mean((y - p) ** 2))), "wape": wape(y, p)}
