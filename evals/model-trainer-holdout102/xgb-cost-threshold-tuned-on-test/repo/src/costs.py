"""Expected-cost model used to choose the decline/review threshold."""
import numpy as np


def expected_cost(y_true, scores, amounts, threshold, costs):
    y_true = np.asarray(y_true)
    amounts = np.asarray(amounts, dtype=float)
    flagged = scores >= threshold
    missed = (~flagged) & (y_true == 1)
    false_alarm = flagged & (y_true == 0)
    cost = (
        flagged.sum() * costs["review_cost"]
        + false_alarm.sum() * costs["false_decline_cost"]
        + (amounts[missed] * costs["fraud_loss_share"]).sum()
        + missed.sum() * costs["chargeback_fee"]
    )
    return float(cost)


def pick_threshold(y_true, scores, amounts, costs):
    """Cheapest threshold whose alert rate fits in the review queue."""
    grid = np.quantile(scores, np.linspace(0.90, 0.9999, costs["threshold_grid_size"]))
    best_thr, best_cost = None, np.inf
    curve = []
    for thr in np.unique(grid):
        if (scores >= thr).mean() > costs["max_alert_rate"]:
            continue
        c = expected_cost(y_true, scores, amounts, thr, costs)
        curve.append((float(thr), c))
        if c < best_cost:
            best_thr, best_cost = float(thr), c
    return best_thr, curve
