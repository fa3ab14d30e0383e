"""Logistic model of hunt success for the estate's Harris hawks and peregrines.

Each row of hunts.csv: bird_id, species_code (0 harris, 1 peregrine), weight_g, weight_vs_flying_weight,
wind_ms, temp_c, quarry_code (0 rabbit, 1 pheasant, 2 crow), slip_distance_m, days_since_last_kill,
cover_density (0-1), success (0/1).
Pure numpy so it runs on the field laptop.
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(2023)

raw = np.genfromtxt(sys.argv[1] if len(sys.argv) > 1 else "hunts.csv", delimiter=",", names=True)
y = raw["success"].astype(float)

quarry = raw["quarry_code"].astype(int)
X = np.column_stack([
    raw["species_code"],
    raw["weight_vs_flying_weight"],
    raw["wind_ms"],
    raw["temp_c"],
    np.log1p(raw["slip_distance_m"]),
    raw["days_since_last_kill"],
    raw["cover_density"],
    quarry == 1,
    quarry == 2,
]).astype(float)
names = ["peregrine", "weight_ratio", "wind", "temp", "log_slip", "days_since_kill", "cover", "pheasant", "crow"]

mu, sd = X.mean(0), X.std(0) + 1e-9
Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])


def sigmoid(t):
    return 1.0 / (1.0 + np.exp(-t))


def fit(Z, y, lam=1e-2, lr=0.1, epochs=3000, batch=64):
    w = rng.normal(0, 0.01, Z.shape[1])
    for _ in range(epochs):
        idx = rng.permutation(len(y))
        for s in range(0, len(y), batch):
            b = idx[s:s + batch]
            g = Z[b].T @ (sigmoid(Z[b] @ w) - y[b]) / len(b) + lam * np.r_[0, w[1:]]
            w -= lr * g
    return w


def auc(y, p):
    order = np.argsort(p)
    ranks = np.empty(len(p)); ranks[order] = np.arange(1, len(p) + 1)
    n1 = y.sum(); n0 = len(y) - n1
    return (ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


w = fit(Z, y)
p = sigmoid(Z @ w)
logloss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
print(f"hunts={len(y)}  success rate={y.mean():.3f}")
print(f"log-loss {logloss:.4f}   AUC {auc(y, p):.3f}   Brier {np.mean((p - y) ** 2):.4f}")
for n, c in sorted(zip(names, w[1:]), key=lambda t: -abs(t[1])):
    print(f"  {n:16s} {c:+.3f}")

json.dump({"w": w.tolist(), "mu": mu.tolist(), "sd": sd.tolist(), "names": names}, open("hunt_coef.json", "w"))
