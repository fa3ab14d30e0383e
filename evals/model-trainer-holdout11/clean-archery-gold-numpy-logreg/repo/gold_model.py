"""P(arrow scores 10/X) from the bow sensor log, numpy only (runs on the range laptop)."""
import json

import numpy as np
import pandas as pd

CFG = {"seed": 314, "lr": 0.05, "l2": 1e-3, "max_epochs": 3000, "patience": 50, "val_frac": 0.15, "test_frac": 0.15}
COLS = ["draw_length_mm", "aim_wobble_mm", "clicker_to_release_ms", "anchor_drift_mm", "heart_rate_bpm",
        "bow_cant_deg", "follow_through_ms", "ambient_temp_c", "end_number", "arrows_shot_today"]


def stratified_split(y, fracs, rng):
    """Return index arrays for train/val/test with the class ratio kept in each part."""
    parts = [[], [], []]
    for cls in np.unique(y):
        ids = rng.permutation(np.flatnonzero(y == cls))
        n_test, n_val = int(len(ids) * fracs[1]), int(len(ids) * fracs[0])
        parts[2].append(ids[:n_test]); parts[1].append(ids[n_test:n_test + n_val]); parts[0].append(ids[n_test + n_val:])
    return [np.concatenate(p) for p in parts]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def log_loss(y, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def roc_auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s)); ranks[order] = np.arange(1, len(s) + 1)
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def f1_at(y, p, t):
    pred = p >= t
    tp = np.sum(pred & (y == 1)); fp = np.sum(pred & (y == 0)); fn = np.sum(~pred & (y == 1))
    return float(2 * tp / max(2 * tp + fp + fn, 1))


def main():
    rng = np.random.default_rng(CFG["seed"])
    shots = pd.read_csv("data/sensor_shots.csv").dropna(subset=COLS)
    X_all = shots[COLS].to_numpy(dtype=float)
    y_all = (shots["score"] >= 10).to_numpy(dtype=int)
    tr, va, te = stratified_split(y_all, (CFG["val_frac"], CFG["test_frac"]), rng)

    mu, sd = X_all[tr].mean(axis=0), X_all[tr].std(axis=0) + 1e-9
    Xtr, Xva, Xte = [(X_all[i] - mu) / sd for i in (tr, va, te)]
    ytr, yva, yte = y_all[tr], y_all[va], y_all[te]

    w, b = rng.normal(0, 0.01, size=Xtr.shape[1]), 0.0
    best = {"loss": np.inf, "w": w.copy(), "b": b, "epoch": 0}
    for epoch in range(CFG["max_epochs"]):
        p = sigmoid(Xtr @ w + b)
        grad_w = Xtr.T @ (p - ytr) / len(ytr) + CFG["l2"] * w
        grad_b = float(np.mean(p - ytr))
        w -= CFG["lr"] * grad_w
        b -= CFG["lr"] * grad_b
        val_loss = log_loss(yva, sigmoid(Xva @ w + b))
        if val_loss < best["loss"] - 1e-6:
            best = {"loss": val_loss, "w": w.copy(), "b": b, "epoch": epoch}
        elif epoch - best["epoch"] >= CFG["patience"]:
            break
    w, b = best["w"], best["b"]
    np.savez("gold_logreg.npz", w=w, b=b, mu=mu, sd=sd)

    p_val = sigmoid(Xva @ w + b)
    grid = np.linspace(0.05, 0.95, 91)
    thr = float(grid[np.argmax([f1_at(yva, p_val, t) for t in grid])])

    p_test = sigmoid(Xte @ w + b)
    base_rate = np.full(len(yte), ytr.mean())
    print(json.dumps({
        "stopped_epoch": best["epoch"], "threshold": thr,
        "test_auc": roc_auc(yte, p_test), "test_log_loss": log_loss(yte, p_test),
        "test_f1": f1_at(yte, p_test, thr),
        "base_rate_log_loss": log_loss(yte, base_rate), "base_rate_f1": f1_at(yte, base_rate, 0.5 * ytr.mean()),
    }, indent=2))


if __name__ == "__main__":
    main()
