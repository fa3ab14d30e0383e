import numpy as np
from sklearn.metrics import accuracy_score


def compute_metrics(model, X, y) -> dict:
    pred = model.predict(X)
    return {"accuracy": float(accuracy_score(y, pred))}


def compare_to_champion(challenger: dict, champion: dict | None, min_gain: float = 0.0005) -> bool:
    if champion is None:
        return True
    return challenger["accuracy"] - champion["accuracy"] >= min_gain


def positive_rate(y) -> float:
    return float(np.mean(y))
