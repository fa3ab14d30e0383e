"""Degraded-bearing detector for the conveyor drive motors, validated on motors never seen in training."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from signal_features import window_features

SEED = 61
WIN = 8192


def build_table(raw: np.lib.npyio.NpzFile) -> pd.DataFrame:
    rows = []
    for sig, motor, shaft_hz, label in zip(raw["signals"], raw["motor_id"], raw["shaft_hz"], raw["degraded"]):
        for start in range(0, len(sig) - WIN + 1, WIN):
            feats = window_features(sig[start : start + WIN], shaft_hz)
            rows.append({**feats, "motor_id": motor, "degraded": label})
    df = pd.DataFrame(rows)
    df["log_rms"] = np.log1p(df["rms"])
    return df.replace([np.inf, -np.inf], np.nan).fillna(0.0)


def best_f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / (prec[:-1] + rec[:-1] + 1e-12)
    return thr[np.argmax(f1)]


def main():
    df = build_table(np.load("data/conveyor_motor_recordings.npz", allow_pickle=True))
    feats = [c for c in df.columns if c not in ("motor_id", "degraded")]
    X, y, groups = df[feats], df["degraded"].to_numpy(), df["motor_id"].to_numpy()
    print(df.groupby("degraded")["motor_id"].nunique(), y.mean())

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(X, y, groups))
    inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
    fit_rel, val_rel = next(inner.split(X.iloc[dev_idx], y[dev_idx], groups[dev_idx]))
    fit_idx, val_idx = dev_idx[fit_rel], dev_idx[val_rel]
    assert not set(groups[fit_idx]) & set(groups[test_idx])

    models = {
        "rms_logreg": (make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), ["log_rms", "kurtosis"]),
        "hgb": (HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=SEED), feats),
    }
    for name, (model, cols) in models.items():
        model.fit(X.iloc[fit_idx][cols], y[fit_idx])
        thr = best_f1_threshold(y[val_idx], model.predict_proba(X.iloc[val_idx][cols])[:, 1])
        model.fit(X.iloc[dev_idx][cols], y[dev_idx])
        p = model.predict_proba(X.iloc[test_idx][cols])[:, 1]
        print(f"{name:10s} ROC-AUC={roc_auc_score(y[test_idx], p):.3f} "
              f"PR-AUC={average_precision_score(y[test_idx], p):.3f} "
              f"F1@val-thr={f1_score(y[test_idx], p >= thr):.3f}")


if __name__ == "__main__":
    main()
