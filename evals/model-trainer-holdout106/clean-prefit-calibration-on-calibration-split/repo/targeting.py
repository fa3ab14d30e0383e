"""Expected-value targeting for the card-retention save desk."""
import numpy as np

CALL_COST = 4.0          # fully loaded cost of one outbound call
SAVE_PROB = 0.18         # share of would-be attriters retained after a call (2023 holdout test)


def expected_value(p_attrite, annual_margin):
    return SAVE_PROB * p_attrite * annual_margin - CALL_COST


def best_margin_cutoff(p_attrite, annual_margin, y, grid=None):
    """Pick the probability cut-off that maximises realised value on labelled data."""
    grid = np.linspace(0.01, 0.8, 80) if grid is None else grid
    realised = [
        (SAVE_PROB * annual_margin[p_attrite >= g] * y[p_attrite >= g]).sum() - CALL_COST * (p_attrite >= g).sum()
        for g in grid
    ]
    return float(grid[int(np.argmax(realised))])


def reliability_table(y, p, n_bins=10):
    edges = np.quantile(p, np.linspace(0, 1, n_bins + 1))
    idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    return [(float(p[idx == b].mean()), float(y[idx == b].mean()), int((idx == b).sum()))
            for b in range(n_bins) if (idx == b).any()]
