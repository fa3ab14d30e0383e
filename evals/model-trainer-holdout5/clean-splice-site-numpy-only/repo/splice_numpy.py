"""Donor splice-site detection with a pure-numpy L2 logistic regression.

One-hot encodes 60-nt windows around candidate GT dinucleotides. No ML framework:
this is the reference implementation the GPU models are compared against.
"""
import argparse
import json

import numpy as np

NUC = {"A": 0, "C": 1, "G": 2, "T": 3}


def one_hot(seqs: list[str]) -> np.ndarray:
    out = np.zeros((len(seqs), len(seqs[0]) * 4), dtype=np.float64)
    for i, s in enumerate(seqs):
        for j, ch in enumerate(s):
            k = NUC.get(ch)
            if k is not None:
                out[i, 4 * j + k] = 1.0
    return out


def stratified_holdout(y: np.ndarray, frac: float, rng: np.random.Generator):
    test = []
    for cls in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == cls))
        test.extend(members[: int(round(frac * len(members)))])
    test = np.sort(np.array(test))
    train = np.setdiff1d(np.arange(len(y)), test)
    return train, test


def stratified_folds(y: np.ndarray, k: int, rng: np.random.Generator):
    fold_of = np.empty(len(y), dtype=int)
    for cls in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == cls))
        fold_of[members] = np.arange(len(members)) % k
    return [(np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)) for f in range(k)]


def fit_logreg(X, y, lam, lr=0.1, iters=3000):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + lam * w)
        b -= lr * g.mean()
    return w, b


def predict(X, w, b):
    return 1.0 / (1.0 + np.exp(-(X @ w + b)))


def roc_auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    pos = y == 1
    return (ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum())


def average_precision(y, s):
    order = np.argsort(-s)
    hits = y[order] == 1
    precision_at = np.cumsum(hits) / np.arange(1, len(y) + 1)
    return precision_at[hits].mean()


def log_loss(y, p, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def standardise(fit_rows: np.ndarray, *others: np.ndarray):
    mu, sd = fit_rows.mean(0), fit_rows.std(0) + 1e-8
    return [(a - mu) / sd for a in (fit_rows, *others)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", default="data/donor_windows_60nt.tsv")
    ap.add_argument("--seed", type=int, default=2718)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)

    rows = [line.rstrip("\n").split("\t") for line in open(args.windows) if not line.startswith("#")]
    X = one_hot([r[1].upper() for r in rows])
    y = np.array([int(r[2]) for r in rows], dtype=np.float64)
    print(f"{len(y)} windows, {y.mean():.3%} true donors")

    dev, test = stratified_holdout(y, 0.2, rng)
    folds = stratified_folds(y[dev], args.folds, rng)

    cv = {}
    for lam in (1e-4, 1e-3, 1e-2, 1e-1):
        aps = []
        for tr, va in folds:
            Xtr, Xva = standardise(X[dev][tr], X[dev][va])
            w, b = fit_logreg(Xtr, y[dev][tr], lam)
            aps.append(average_precision(y[dev][va], predict(Xva, w, b)))
        cv[lam] = float(np.mean(aps))
        print(f"lambda={lam:g}  CV AP={cv[lam]:.4f}")
    lam = max(cv, key=cv.get)

    Xdev, Xte = standardise(X[dev], X[test])
    w, b = fit_logreg(Xdev, y[dev], lam)
    p = predict(Xte, w, b)
    base = np.full(len(test), y[dev].mean())
    result = {
        "lambda": lam,
        "test_roc_auc": float(roc_auc(y[test], p)),
        "test_average_precision": float(average_precision(y[test], p)),
        "test_log_loss": log_loss(y[test], p),
        "prior_log_loss": log_loss(y[test], base),
        "prior_average_precision": float(y[test].mean()),
    }
    print(json.dumps(result, indent=2))
    np.savez("splice_logreg.npz", w=w, b=b, lam=lam)


if __name__ == "__main__":
    main()
