"""Predict chamber relative humidity 1 h after a guided tour leaves, from group size, dwell time, lamp
use and pre-tour conditions. Used to decide whether to space out afternoon tours.

Data: tours.npz with X (n, 8) float, y (n,) RH %, feature names. Tours are independent visits across
four chambers; ordering in the file is by tour id.
"""
import numpy as np

SEED = 4
rng = np.random.default_rng(SEED)

data = np.load("tours.npz", allow_pickle=True)
X, y, names = data["X"].astype(float), data["y"].astype(float), list(data["names"])

# quick look at the raw data (descriptive only)
print("n tours:", len(y))
for n, m, s in zip(names, X.mean(0), X.std(0)):
    print(f"  {n:18s} mean {m:8.2f}  sd {s:7.2f}")

perm = rng.permutation(len(y))
n_te, n_va = int(0.2 * len(y)), int(0.2 * len(y))
te, va, tr = perm[:n_te], perm[n_te:n_te + n_va], perm[n_te + n_va:]

mu, sd = X[tr].mean(0), X[tr].std(0) + 1e-8
y_mu = y[tr].mean()


def design(idx):
    return (X[idx] - mu) / sd


def ridge(A, b, lam):
    return np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ b)


def mae(a, b):
    return float(np.mean(np.abs(a - b)))


def rmse(a, b):
    return float(np.sqrt(np.mean((a - b) ** 2)))


A_tr, A_va, A_te = design(tr), design(va), design(te)
lams = np.logspace(-3, 3, 25)
val_rmse = [rmse(y[va], A_va @ ridge(A_tr, y[tr] - y_mu, l) + y_mu) for l in lams]
lam = lams[int(np.argmin(val_rmse))]
print(f"lambda chosen on validation: {lam:.4g} (val RMSE {min(val_rmse):.3f})")

# refit on train+val with the chosen lambda, standardising with train+val statistics
trva = np.concatenate([tr, va])
mu, sd = X[trva].mean(0), X[trva].std(0) + 1e-8
y_mu = y[trva].mean()
w = ridge(design(trva), y[trva] - y_mu, lam)

pred = design(te) @ w + y_mu
base = np.full(len(te), y_mu)
print(f"test  ridge MAE {mae(y[te], pred):.3f}  RMSE {rmse(y[te], pred):.3f}")
print(f"test  mean  MAE {mae(y[te], base):.3f}  RMSE {rmse(y[te], base):.3f}")
for n, c in sorted(zip(names, w), key=lambda t: -abs(t[1])):
    print(f"  {n:18s} {c:+.3f}")
