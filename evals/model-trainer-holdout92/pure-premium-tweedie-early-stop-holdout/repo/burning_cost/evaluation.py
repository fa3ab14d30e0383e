import numpy as np
import pandas as pd


def gini_index(actual, predicted, weight):
    actual, predicted, weight = (np.asarray(x, dtype=float) for x in (actual, predicted, weight))
    order = np.argsort(predicted)
    cum_w = np.concatenate([[0.0], np.cumsum(weight[order]) / weight.sum()])
    cum_a = np.concatenate([[0.0], np.cumsum((actual * weight)[order]) / (actual * weight).sum()])
    return 1.0 - 2.0 * np.trapz(cum_a, cum_w)


def double_lift(actual_loss, model_premium, current_premium, exposure, n_bins=10):
    """Sort by the ratio of model to current premium and compare loss ratios per bucket."""
    df = pd.DataFrame({
        "loss": actual_loss, "model": model_premium, "current": current_premium, "expo": exposure,
    })
    df["ratio"] = df["model"] / df["current"]
    df = df.sort_values("ratio")
    df["bucket"] = np.ceil(df["expo"].cumsum() / df["expo"].sum() * n_bins).clip(1, n_bins).astype(int)
    out = df.groupby("bucket")[["loss", "model", "current"]].sum()
    out["lr_model"] = out["loss"] / out["model"]
    out["lr_current"] = out["loss"] / out["current"]
    return out
