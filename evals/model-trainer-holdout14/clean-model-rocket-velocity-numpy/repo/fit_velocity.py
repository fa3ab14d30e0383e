"""Peak velocity (m/s) of hobby rockets from motor + airframe specs, closed-form ridge regression.
Data: club launch logs, one row per flight with altimeter-derived max velocity.
"""
import csv
import sys

import numpy as np

SEED = 404
rng = np.random.default_rng(SEED)


def load(path):
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    cols = ["total_impulse_ns", "avg_thrust_n", "burn_time_s", "liftoff_mass_g", "body_diameter_mm",
            "fin_area_cm2", "nose_cone_code", "launch_rod_m", "wind_ms"]
    X = np.array([[float(r[c]) for c in cols] for r in rows])
    y = np.array([float(r["peak_velocity_ms"]) for r in rows])
    return X, y


def design(X):
    # fixed, row-wise transforms only: no statistics involved
    impulse, thrust, burn, mass = X[:, 0], X[:, 1], X[:, 2], X[:, 3]
    extra = np.column_stack([np.log(impulse), np.log(mass), impulse / mass, thrust / (mass * 9.81e-3)])
    return np.hstack([X, extra])


def ridge_fit(X, y, lam):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    y0 = y.mean()
    w = np.linalg.solve(Z.T @ Z + lam * np.eye(Z.shape[1]), Z.T @ (y - y0))
    return {"w": w, "mu": mu, "sd": sd, "b": y0}


def ridge_predict(m, X):
    return ((X - m["mu"]) / m["sd"]) @ m["w"] + m["b"]


def kfold_mae(X, y, lam, k=5):
    idx = rng.permutation(len(y))
    folds = np.array_split(idx, k)
    errs = []
    for i in range(k):
        va = folds[i]
        tr = np.concatenate([folds[j] for j in range(k) if j != i])
        m = ridge_fit(X[tr], y[tr], lam)
        errs.append(np.abs(ridge_predict(m, X[va]) - y[va]).mean())
    return float(np.mean(errs))


def main(path="launch_logs.csv"):
    X, y = load(path)
    X = design(X)
    perm = rng.permutation(len(y))
    n_test = int(0.2 * len(y))
    test_idx, train_idx = perm[:n_test], perm[n_test:]
    Xtr, ytr, Xte, yte = X[train_idx], y[train_idx], X[test_idx], y[test_idx]

    lambdas = np.logspace(-3, 3, 25)
    cv = [kfold_mae(Xtr, ytr, lam) for lam in lambdas]
    lam = lambdas[int(np.argmin(cv))]
    print(f"chosen lambda {lam:.4g} (cv MAE {min(cv):.2f} m/s)")

    model = ridge_fit(Xtr, ytr, lam)
    pred = ridge_predict(model, Xte)
    base = np.full_like(yte, ytr.mean())
    mae, rmse = np.abs(pred - yte).mean(), np.sqrt(((pred - yte) ** 2).mean())
    print(f"test MAE {mae:.2f}  RMSE {rmse:.2f}  | mean baseline MAE {np.abs(base - yte).mean():.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
