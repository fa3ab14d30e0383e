import numpy as np
from sklearn.metrics import accuracy_score, log_loss


def rps(probs: np.ndarray, y: np.ndarray) -> float:
    obs = np.eye(probs.shape[1])[y]
    return float(np.mean(np.sum((np.cumsum(probs, 1) - np.cumsum(obs, 1))[:, :-1] ** 2, 1) / 2))


def summarise(probs: np.ndarray, y: np.ndarray) -> dict:
    return {
        "log_loss": log_loss(y, probs, labels=[0, 1, 2]),
        "rps": rps(probs, y),
        "accuracy": accuracy_score(y, probs.argmax(1)),
    }
