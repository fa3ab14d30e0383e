import argparse
import json

import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neural_network import MLPClassifier

from preprocess import build_matrix

ap = argparse.ArgumentParser()
ap.add_argument("--csv", default="data/cutin_candidates_v2.csv")
ap.add_argument("--seed", type=int, default=31)
args = ap.parse_args()

df = pd.read_csv(args.csv)
# one row per (frame, adjacent object); label: object crosses into ego lane within 2 s
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=args.seed)
tr_idx, te_idx = next(gss.split(df, groups=df["sequence_id"]))
train_df, test_df = df.iloc[tr_idx], df.iloc[te_idx]

X_train, y_train = build_matrix(train_df), train_df["cut_in_2s"].to_numpy()
X_test, y_test = build_matrix(test_df), test_df["cut_in_2s"].to_numpy()

clf = MLPClassifier(
    hidden_layer_sizes=(64, 32),
    alpha=1e-4,
    batch_size=256,
    learning_rate_init=1e-3,
    max_iter=200,
    early_stopping=True,
    validation_fraction=0.1,
    random_state=args.seed,
)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
res = {
    "roc_auc": roc_auc_score(y_test, p),
    "pr_auc": average_precision_score(y_test, p),
    "f1@0.5": f1_score(y_test, p >= 0.5),
    "test_sequences": int(test_df["sequence_id"].nunique()),
}
print(json.dumps(res, indent=2))
