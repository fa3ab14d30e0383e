"""Static fingerspelling (24 letters) from the 5-user ASL finger-spelling set, evaluated on an unseen user."""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from handfeatures import hand_vector

ap = argparse.ArgumentParser()
ap.add_argument("--csv", default="data/fingerspelling_landmarks.csv")  # user, letter, handedness, x0..z20
ap.add_argument("--test-user", default="E")
ap.add_argument("--C", type=float, default=3.0)
args = ap.parse_args()

df = pd.read_csv(args.csv)
coord_cols = [f"{a}{i}" for i in range(21) for a in "xyz"]
df = df.dropna(subset=coord_cols)                 # frames where MediaPipe found no hand
df = df[~df["letter"].isin(["j", "z"])]           # motion letters are not in this set anyway

X = np.stack([
    hand_vector(row.reshape(21, 3), hand)
    for row, hand in zip(df[coord_cols].to_numpy(), df["handedness"])
])
y = df["letter"].to_numpy()
is_test = (df["user"] == args.test_user).to_numpy()

X_train, y_train = X[~is_test], y[~is_test]
X_test, y_test = X[is_test], y[is_test]
print(f"train users {sorted(df.loc[~is_test, 'user'].unique())}: {len(y_train)} | test user {args.test_user}: {len(y_test)}")

clf = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=args.C, max_iter=3000, multi_class="multinomial"),
)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
print(f"unseen-user accuracy: {accuracy_score(y_test, pred):.4f}")
print(classification_report(y_test, pred, digits=3))

joblib.dump(clf, f"models/logreg_fingerspelling_wo_{args.test_user}.joblib")
