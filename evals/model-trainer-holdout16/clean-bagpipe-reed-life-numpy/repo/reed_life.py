"""Will a cane bagpipe chanter reed fail (crack / go flat) within 40 playing hours?

Pure-numpy so it runs on the pipe band's Raspberry Pi. Columns of reeds.csv are documented in DATA.md.
"""
import argparse

import numpy as np

FEATURES = ["cane_density", "gouge_mm", "staple_len_mm", "scrape_passes", "moisture_pct",
            "hours_played_per_week", "ambient_rh", "is_synthetic_sole"]


def load(path):
    data = np.genfromtxt(path, delimiter=",", names=True)
    X = np.column_stack([data[f] for f in FEATURES]).astype(np.float64)
    y = data["failed_40h"].astype(np.float64)
    return X, y


def stratified_indices(y, fracs, rng):
    parts = [[] for _ in fracs]
    for cls in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == cls))
        cuts = (np.cumsum(fracs)[:-1] * len(idx)).astype(int)
        for p, chunk in zip(parts, np.split(idx, cuts)):
            p.extend(chunk.tolist())
    return [np.array(sorted(p)) for p in parts]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logreg(X, y, lam=1e-2, lr=0.1, epochs=3000):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        p = sigmoid(X @ w + b)
        w -= lr * (X.T @ (p - y) / len(y) + lam * w)
        b -= lr * float(np.mean(p - y))
    return w, b


def auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s)); ranks[order] = np.arange(1, len(s) + 1)
    n1 = y.sum(); n0 = len(y) - n1
    return (ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def prf(y, yhat):
    tp = np.sum((yhat == 1) & (y == 1)); fp = np.sum((yhat == 1) & (y == 0)); fn = np.sum((yhat == 0) & (y == 1))
    prec = tp / max(tp + fp, 1); rec = tp / max(tp + fn, 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-12)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--seed", type=int, default=2718)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)

    X, y = load(args.csv)
    tr, va, te = stratified_indices(y, [0.6, 0.2, 0.2], rng)

    mu, sd = X[tr].mean(axis=0), X[tr].std(axis=0) + 1e-8
    Z = (X - mu) / sd

    w, b = fit_logreg(Z[tr], y[tr])

    s_va = sigmoid(Z[va] @ w + b)
    grid = np.linspace(0.05, 0.95, 91)
    best_t = grid[np.argmax([prf(y[va], (s_va >= t).astype(int))[2] for t in grid])]

    s_te = sigmoid(Z[te] @ w + b)
    p, r, f = prf(y[te], (s_te >= best_t).astype(int))
    base_rate = y[tr].mean()
    print(f"threshold={best_t:.2f} (validation F1)")
    print(f"test AUC={auc(y[te], s_te):.3f}  precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    print(f"baseline: constant score AUC=0.500, always-fail F1={prf(y[te], np.ones_like(y[te]))[2]:.3f}, base rate {base_rate:.3f}")


if __name__ == "__main__":
    main()
