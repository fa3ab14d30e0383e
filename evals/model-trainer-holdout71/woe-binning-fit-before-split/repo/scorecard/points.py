import numpy as np


def scale_to_points(log_odds_good, base_score=600, base_odds=50, pdo=20):
    factor = pdo / np.log(2)
    offset = base_score - factor * np.log(base_odds)
    return np.round(offset + factor * log_odds_good).astype(int)
