"""Detect 'stalled' lava lamps on the entropy wall from per-frame image statistics (numpy only).

A stalled lamp (wax pooled at the bottom or stuck at the top) contributes almost no entropy, so the
camera pipeline wants to drop its tiles. Labels come from an operator tagging 6,000 frames.
"""
import argparse
import json

import numpy as np

FEATURES = ["pix_diff_mean", "pix_diff_p95", "blob_count", "blob_area_std", "hue_entropy",
            "vertical_centroid", "lamp_temp_c", "minutes_since_on"]


def stratified_indices(y, fractions, rng):
    """Split indices into len(fractions) parts, class by class."""
    parts = [[] for _ in fractions]
    for cls in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == cls))
        cuts = np.cumsum([int(round(f * len(idx))) for f in fractions[:-1]])
        for part, chunk in zip(parts, np.split(idx, cuts)):
            part.extend(chunk.tolist())
    return [rng.permutation(np.array(p)) for p in parts]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logreg(X, y, lr=0.1, l2=1e-3, epochs=3000):
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        p = sigmoid(X @ w + b)
        grad_w = X.T @ (p - y) / len(y) + l2 * w
        grad_b = np.mean(p - y)
        w -= lr * grad_w
        b -= lr * grad_b
    return w, b


def roc_auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    return (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def prf(y, yhat):
    tp = np.sum((yhat == 1) & (y == 1))
    fp = np.sum((yhat == 1) & (y == 0))
    fn = np.sum((yhat == 0) & (y == 1))
    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-12)


def main(args):
    rng = np.random.default_rng(args.seed)
    data = np.load(args.data)
    X_all, y_all = data["X"].astype(float), data["stalled"].astype(int)
    print("frames", X_all.shape, "stalled share %.3f" % y_all.mean())
    # EDA only: feature correlations with the label over all tagged frames (not used by the model)
    for name, col in zip(FEATURES, X_all.T):
        print(f"  corr({name}, stalled) = {np.corrcoef(col, y_all)[0, 1]:+.2f}")

    i_tr, i_va, i_te = stratified_indices(y_all, [0.6, 0.2, 0.2], rng)
    mu, sd = X_all[i_tr].mean(axis=0), X_all[i_tr].std(axis=0) + 1e-9
    Z = (X_all - mu) / sd

    w, b = fit_logreg(Z[i_tr], y_all[i_tr], lr=args.lr, l2=args.l2)

    # choose the alert threshold on validation frames: best F1
    s_va = sigmoid(Z[i_va] @ w + b)
    grid = np.linspace(0.05, 0.95, 91)
    f1s = [prf(y_all[i_va], (s_va >= t).astype(int))[2] for t in grid]
    thr = float(grid[int(np.argmax(f1s))])

    # baseline: single-feature rule "little frame-to-frame change", cutoff also tuned on validation
    diff_col = FEATURES.index("pix_diff_mean")
    cut_grid = np.quantile(X_all[i_tr, diff_col], np.linspace(0.01, 0.5, 50))
    base_f1 = [prf(y_all[i_va], (X_all[i_va, diff_col] <= c).astype(int))[2] for c in cut_grid]
    cut = float(cut_grid[int(np.argmax(base_f1))])

    # final, single look at the test frames
    y_te = y_all[i_te]
    s_te = sigmoid(Z[i_te] @ w + b)
    p, r, f = prf(y_te, (s_te >= thr).astype(int))
    bp, br, bf = prf(y_te, (X_all[i_te, diff_col] <= cut).astype(int))
    report = {
        "threshold": thr, "test_auc": float(roc_auc(y_te, s_te)),
        "test_precision": float(p), "test_recall": float(r), "test_f1": float(f),
        "baseline_precision": float(bp), "baseline_recall": float(br), "baseline_f1": float(bf),
    }
    print(json.dumps(report, indent=2))
    np.savez(args.out, w=w, b=b, mu=mu, sd=sd, thr=thr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="frames_labelled.npz")
    ap.add_argument("--out", default="stall_model.npz")
    ap.add_argument("--seed", type=int, default=20240229)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1e-3)
    main(ap.parse_args())
