from itertools import combinations

import numpy as np


def mean_jaccard(sets: list[set]) -> float:
    """Average pairwise Jaccard index of the feature subsets chosen in different folds."""
    pairs = [len(a & b) / len(a | b) for a, b in combinations(sets, 2) if a | b]
    return float(np.mean(pairs)) if pairs else float("nan")
