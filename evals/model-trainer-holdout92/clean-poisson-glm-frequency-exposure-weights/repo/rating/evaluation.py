import numpy as np
import pandas as pd
from sklearn.metrics import d2_tweedie_score, mean_poisson_deviance


def ordered_lorenz_gini(claims, pred_freq, exposure):
    claims, pred_freq, exposure = (np.asarray(a, dtype=float) for a in (claims, pred_freq, exposure))
    order = np.argsort(pred_freq)
    x = np.concatenate([[0.0], np.cumsum(exposure[order]) / exposure.sum()])
    y = np.concatenate([[0.0], np.cumsum(claims[order]) / claims.sum()])
    return 1.0 - 2.0 * np.trapz(y, x)


def frequency_report(name, test, pred_freq):
    w = test["exposure"]
    return {
        "model": name,
        "poisson_deviance": mean_poisson_deviance(test["frequency"], pred_freq, sample_weight=w),
        "d2": d2_tweedie_score(test["frequency"], pred_freq, sample_weight=w, power=1),
        "gini": ordered_lorenz_gini(test["claim_count"], pred_freq, w),
        "predicted_claims": float(np.sum(pred_freq * w)),
        "observed_claims": float(test["claim_count"].sum()),
    }


def lift_by_decile(test, pred_freq, n=10):
    frame = pd.DataFrame({"pred": pred_freq, "expo": test["exposure"].to_numpy(),
                          "claims": test["claim_count"].to_numpy()}).sort_values("pred")
    frame["decile"] = np.minimum((frame["expo"].cumsum() / frame["expo"].sum() * n).astype(int), n - 1)
    agg = frame.assign(exp_claims=frame["pred"] * frame["expo"]).groupby("decile")
    out = agg[["expo", "claims", "exp_claims"]].sum()
    return out.assign(actual=out["claims"] / out["expo"], expected=out["exp_claims"] / out["expo"])
