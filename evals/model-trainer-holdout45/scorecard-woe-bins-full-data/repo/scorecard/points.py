import numpy as np
import pandas as pd


def to_points(model, feature_names, woe_tables, base_score=600, base_odds=50, pdo=20):
    """Turn a WOE logistic regression into an additive points table."""
    factor = pdo / np.log(2)
    offset = base_score - factor * np.log(base_odds)
    n = len(feature_names)
    rows = []
    for coef, name in zip(model.coef_[0], feature_names):
        table = woe_tables[name]
        for bin_label, woe in table["woe"].items():
            pts = -(coef * woe + model.intercept_[0] / n) * factor + offset / n
            rows.append({"feature": name, "bin": bin_label, "woe": woe, "points": round(pts)})
    return pd.DataFrame(rows)
