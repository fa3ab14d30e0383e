"""Direct-method value estimate: V(pi) = mean_x sum_a pi(a|x) * r_hat(x, a)."""
import numpy as np
import pandas as pd


def expand_actions(contexts, arms, arm_col):
    """Cartesian product of contexts and arms, keeping the context row id."""
    rows = contexts.reset_index().rename(columns={"index": "ctx_id"})
    grid = rows.merge(pd.DataFrame({arm_col: arms}), how="cross")
    return grid


def dm_value(model, contexts, action_probs, arms, arm_col, feature_cols):
    grid = expand_actions(contexts, arms, arm_col)
    grid[arm_col] = pd.Categorical(grid[arm_col], categories=arms)
    r_hat = model.predict_proba(grid[feature_cols])[:, 1].reshape(len(contexts), len(arms))
    return float(np.mean(np.sum(action_probs * r_hat, axis=1)))
