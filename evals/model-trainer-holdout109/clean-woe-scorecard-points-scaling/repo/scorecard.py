"""Turn a WoE logistic regression into a points-based scorecard."""
import numpy as np
import pandas as pd


def scaling_constants(base_score, base_odds, pdo):
    factor = pdo / np.log(2)
    offset = base_score - factor * np.log(base_odds)
    return factor, offset


def points_table(woe_maps, coefs, intercept, base_score, base_odds, pdo):
    """Points per attribute: -(beta_i * woe_ij + a/n) * factor + offset/n.

    The model predicts log-odds of BAD, so the score (log-odds of GOOD) flips the sign.
    """
    factor, offset = scaling_constants(base_score, base_odds, pdo)
    n = len(coefs)
    rows = []
    for feat, beta in coefs.items():
        for attr, woe in woe_maps[feat].items():
            pts = -(beta * woe + intercept / n) * factor + offset / n
            rows.append({"characteristic": feat, "attribute": attr, "woe": woe, "points": round(pts)})
    return pd.DataFrame(rows)


def score(X_woe, coefs, intercept, base_score, base_odds, pdo):
    factor, offset = scaling_constants(base_score, base_odds, pdo)
    log_odds_bad = intercept + X_woe[coefs.index].values @ coefs.values
    return offset - factor * log_odds_bad
