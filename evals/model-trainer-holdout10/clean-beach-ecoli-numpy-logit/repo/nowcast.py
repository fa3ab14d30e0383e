"""Same-day E. coli exceedance nowcast for bathing beaches (numpy-only logistic regression).

Lab results take 18-24 h, so beach managers post advisories from a model on rainfall, turbidity,
wave height and wind. Seasons 2014-2021 train, 2022 selects the advisory threshold, 2023 is the test season.
"""
import argparse
import json

import numpy as np
import pandas as pd

PREDICTORS = ["rain_24h_mm", "rain_72h_mm", "turbidity_ntu", "wave_height_m", "onshore_wind_ms",
              "water_temp_c", "river_discharge_m3s", "gulls_count", "hours_sunshine_prev"]
EXCEEDANCE = 235.0  # CFU/100 mL, single-sample standard


def design(frame: pd.DataFrame) -> np.ndarray:
    x = frame[PREDICTORS].to_numpy(dtype=float)
    x[:, :3] = np.log1p(x[:, :3])            # rainfall and turbidity are heavy-tailed
    return x


def fit_logistic(X, y, l2=1.0, lr=0.1, n_iter=5000, tol=1e-8):
    """Full-batch gradient descent on the L2-penalised log-loss (intercept not penalised)."""
    Xb = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(Xb.shape[1])
    prev = np.inf
    for _ in range(n_iter):
        p = 1.0 / (1.0 + np.exp(-Xb @ w))
        grad = Xb.T @ (p - y) / len(y)
        grad[1:] += l2 * w[1:] / len(y)
        w -= lr * grad
        loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
        if abs(prev - loss) < tol:
            break
        prev = loss
    return w


def predict_proba(w, X):
    return 1.0 / (1.0 + np.exp(-(w[0] + X @ w[1:])))


def roc_auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    return (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def confusion(y, flag):
    tp = int(((flag == 1) & (y == 1)).sum()); fp = int(((flag == 1) & (y == 0)).sum())
    fn = int(((flag == 0) & (y == 1)).sum()); tn = int(((flag == 0) & (y == 0)).sum())
    return {"sensitivity": tp / max(tp + fn, 1), "specificity": tn / max(tn + fp, 1),
            "precision": tp / max(tp + fp, 1), "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", default="data/beach_samples_2014_2023.csv")
    ap.add_argument("--l2", type=float, default=5.0)
    ap.add_argument("--min-sensitivity", type=float, default=0.6)
    args = ap.parse_args()

    df = pd.read_csv(args.samples, parse_dates=["sample_date"]).dropna(subset=PREDICTORS + ["ecoli_cfu"])
    df["exceed"] = (df["ecoli_cfu"] > EXCEEDANCE).astype(int)
    season = df["sample_date"].dt.year
    train, select, test = df[season <= 2021], df[season == 2022], df[season == 2023]

    X_tr, X_sel, X_te = design(train), design(select), design(test)
    mu, sd = X_tr.mean(axis=0), X_tr.std(axis=0) + 1e-9       # training seasons only
    X_tr, X_sel, X_te = (X_tr - mu) / sd, (X_sel - mu) / sd, (X_te - mu) / sd
    y_tr, y_sel, y_te = (d["exceed"].to_numpy() for d in (train, select, test))

    w = fit_logistic(X_tr, y_tr, l2=args.l2)

    # advisory threshold: highest threshold on the 2022 season that still reaches the required sensitivity
    p_sel = predict_proba(w, X_sel)
    candidates = np.unique(p_sel)[::-1]
    threshold = next(t for t in candidates if confusion(y_sel, (p_sel >= t).astype(int))["sensitivity"] >= args.min_sensitivity)

    p_te = predict_proba(w, X_te)
    # current practice: advisory whenever 24 h rainfall exceeds 10 mm
    rain_rule = (test["rain_24h_mm"].to_numpy() > 10).astype(int)
    report = {
        "threshold": float(threshold),
        "model": {"auc": float(roc_auc(y_te, p_te)), **confusion(y_te, (p_te >= threshold).astype(int))},
        "rain_rule": {"auc": float(roc_auc(y_te, test["rain_24h_mm"].to_numpy())), **confusion(y_te, rain_rule)},
        "prevalence_2023": float(y_te.mean()),
    }
    print(json.dumps(report, indent=2))
    np.savez("models/beach_logit.npz", w=w, mu=mu, sd=sd, threshold=threshold)


if __name__ == "__main__":
    main()
