import argparse
import json

import joblib
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from features import rep_table, to_matrix


def parse_args():
    p = argparse.ArgumentParser(description="Squat form classifier (per-rep)")
    p.add_argument("--frames", default="data/squat_frames.csv")
    p.add_argument("--C", type=float, default=3.0)
    p.add_argument("--test-size", type=float, default=0.25)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", default="artifacts/squat_svc.joblib")
    return p.parse_args()


def main():
    args = parse_args()
    frames = pd.read_csv(args.frames)
    reps = rep_table(frames)
    print(f"{len(reps)} reps from {reps['athlete_id'].nunique()} athletes")
    print(reps["form_label"].value_counts())

    # hold out whole athletes so the same body never appears on both sides
    gss = GroupShuffleSplit(n_splits=1, test_size=args.test_size, random_state=args.seed)
    tr_idx, te_idx = next(gss.split(reps, groups=reps["athlete_id"]))
    train_reps, test_reps = reps.iloc[tr_idx], reps.iloc[te_idx]

    scaler = StandardScaler()
    X_train, y_train = to_matrix(train_reps, scaler)
    X_test, y_test = to_matrix(test_reps, scaler)

    clf = SVC(C=args.C, kernel="rbf", gamma="scale", class_weight="balanced")
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    print(classification_report(y_test, pred, digits=3))
    macro_f1 = f1_score(y_test, pred, average="macro")
    print(f"macro F1 (held-out athletes): {macro_f1:.3f}")

    joblib.dump({"scaler": scaler, "model": clf}, args.out)
    with open("artifacts/metrics.json", "w") as f:
        json.dump({"macro_f1": macro_f1, "n_test_reps": int(len(y_test))}, f, indent=2)


if __name__ == "__main__":
    main()
