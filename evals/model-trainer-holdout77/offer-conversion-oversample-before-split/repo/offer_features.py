"""Context x action features for the offer-conversion reward model."""
import numpy as np
import pandas as pd


def encode(logs, cfg):
    ctx = logs[cfg["numeric"]].astype(float).copy()
    ctx["basket_value"] = np.log1p(ctx["basket_value"])
    ctx = ctx.fillna(-1.0)
    cats = pd.get_dummies(logs[cfg["categorical"]].astype(str), dtype=float)
    arm = pd.get_dummies(pd.Categorical(logs["offer"], categories=cfg["arms"]),
                         prefix="arm", dtype=float)
    arm.index = logs.index
    inter = arm.mul(ctx["basket_value"], axis=0).add_suffix("_x_basket")
    return pd.concat([ctx, cats, arm, inter], axis=1)
