"""
Patient-specific seizure forecasting from long-term ambulatory iEEG (16 contacts, 400 Hz).
Windows: 30 s, 50 % overlap, over ~9 months of continuous recording.
Label: 1 = preictal (5-65 min before a lead seizure), 0 = interictal (>4 h from any seizure).
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

SEED = 17
BANDS = [(1, 4), (4, 8), (8, 13), (13, 30), (30, 70), (70, 180)]
FEATURE_PREFIXES = ("bp_", "ll_", "var_", "corr_")


def label_windows(win, seizures, preictal=(5, 65), interictal_gap_h=4):
    """win: DataFrame with window start times (UTC); seizures: onset times of lead seizures."""
    onsets = np.sort(seizures["onset"].values)
    t = win["start"].values
    nxt = np.searchsorted(onsets, t)
    to_next = np.full(len(t), np.inf)
    ok = nxt < len(onsets)
    to_next[ok] = (onsets[nxt[ok]] - t[ok]) / np.timedelta64(1, "m")
    prv = nxt - 1
    from_prev = np.full(len(t), np.inf)
    ok = prv >= 0
    from_prev[ok] = (t[ok] - onsets[prv[ok]]) / np.timedelta64(1, "m")

    label = np.full(len(t), -1)
    label[(to_next >= preictal[0]) & (to_next <= preictal[1])] = 1
    far = (to_next > interictal_gap_h * 60) & (from_prev > interictal_gap_h * 60)
    label[far] = 0
    return label


def feature_matrix(df):
    cols = [c for c in df.columns if c.startswith(FEATURE_PREFIXES)]
    X = df[cols].to_numpy(dtype=np.float32)
    bp = [c for c in cols if c.startswith("bp_")]
    X[:, [cols.index(c) for c in bp]] = np.log10(X[:, [cols.index(c) for c in bp]] + 1e-12)
    return X, cols


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--patient", default="P07")
    ap.add_argument("--features", default="features/{patient}_win30s_features.parquet")
    ap.add_argument("--seizures", default="annotations/{patient}_lead_seizures.csv")
    args = ap.parse_args()

    win = pd.read_parquet(args.features.format(patient=args.patient)).sort_values("start")
    sz = pd.read_csv(args.seizures.format(patient=args.patient), parse_dates=["onset"])
    win["label"] = label_windows(win, sz)
    win = win[win["label"] >= 0].reset_index(drop=True)
    win = win[win["dropout_frac"] < 0.1]          # skip windows with telemetry dropouts
    print(f"{args.patient}: {len(win)} windows, {win['label'].sum()} preictal, {len(sz)} lead seizures")

    X, cols = feature_matrix(win)
    y = win["label"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=SEED
    )

    clf = RandomForestClassifier(
        n_estimators=500, min_samples_leaf=5, max_features="sqrt",
        class_weight="balanced_subsample", n_jobs=-1, random_state=SEED,
    )
    clf.fit(X_train, y_train)
    p = clf.predict_proba(X_test)[:, 1]
    print(f"AUC={roc_auc_score(y_test, p):.3f}  AP={average_precision_score(y_test, p):.3f}")

    imp = pd.Series(clf.feature_importances_, index=cols).sort_values(ascending=False)
    print(imp.head(15).to_string())


if __name__ == "__main__":
    main()
