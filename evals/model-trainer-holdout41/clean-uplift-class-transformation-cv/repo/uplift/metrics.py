import numpy as np
import pandas as pd


def qini_auc(y, t, score):
    d = pd.DataFrame({"y": y, "t": t, "s": score}).sort_values("s", ascending=False)
    n_t = d["t"].cumsum()
    n_c = (1 - d["t"]).cumsum().clip(lower=1)
    q = (d["y"] * d["t"]).cumsum() - (d["y"] * (1 - d["t"])).cumsum() * n_t / n_c
    q = q.to_numpy()
    return float(np.mean(q - np.linspace(0, q[-1], len(q))))


def uplift_at(y, t, score, frac):
    d = pd.DataFrame({"y": y, "t": t, "s": score}).nlargest(max(1, int(len(score) * frac)), "s")
    return float(d.loc[d["t"] == 1, "y"].mean() - d.loc[d["t"] == 0, "y"].mean())


def profit_at(y, t, score, frac, margin, cost):
    n = max(1, int(len(score) * frac))
    return n * (uplift_at(y, t, score, frac) * margin - cost)
