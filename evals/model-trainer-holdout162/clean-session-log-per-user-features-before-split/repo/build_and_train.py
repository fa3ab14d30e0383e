"""New-user churn (no session on days 4-10) from the session log of days 0-3.

sessions.csv: user_id, session_id, session_start, session_end, screens, events, crashed,
              source (organic/push/deeplink/widget)
users.csv:    user_id, install_ts, platform, country, churned_d4_10
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

RANDOM_STATE = 2718

sessions = pd.read_csv("data/sessions.csv", parse_dates=["session_start", "session_end"])
users = pd.read_csv("data/users.csv", parse_dates=["install_ts"])

# keep only the observation window (first 72h after install)
sessions = sessions.merge(users[["user_id", "install_ts"]], on="user_id")
sessions = sessions[sessions["session_start"] < sessions["install_ts"] + pd.Timedelta(hours=72)]
sessions["dur_min"] = (sessions["session_end"] - sessions["session_start"]).dt.total_seconds() / 60
sessions["hour_since_install"] = (sessions["session_start"] - sessions["install_ts"]).dt.total_seconds() / 3600
sessions["from_push"] = (sessions["source"] == "push").astype(int)

# per-user aggregates
feat = sessions.groupby("user_id").agg(
    n_sessions=("session_id", "count"),
    total_min=("dur_min", "sum"),
    median_min=("dur_min", "median"),
    max_min=("dur_min", "max"),
    screens=("screens", "sum"),
    events=("events", "sum"),
    crashes=("crashed", "sum"),
    push_sessions=("from_push", "sum"),
    last_session_h=("hour_since_install", "max"),
    first_session_h=("hour_since_install", "min"),
)
feat["push_share"] = feat["push_sessions"] / feat["n_sessions"]
feat["active_span_h"] = feat["last_session_h"] - feat["first_session_h"]

df = users.merge(feat, on="user_id", how="left")
count_cols = ["n_sessions", "total_min", "screens", "events", "crashes", "push_sessions"]
df[count_cols] = df[count_cols].fillna(0)
# heavy tails
for c in count_cols + ["median_min", "max_min"]:
    df[c] = np.log1p(df[c])
df["is_ios"] = (df["platform"] == "ios").astype(int)
df = df.drop(columns=["platform", "install_ts", "country"])

FEATURES = [c for c in df.columns if c not in ("user_id", "churned_d4_10")]
X, y = df[FEATURES], df["churned_d4_10"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=RANDOM_STATE
)

clf = HistGradientBoostingClassifier(
    learning_rate=0.05,
    max_iter=800,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    early_stopping=True,
    validation_fraction=0.15,
    n_iter_no_change=30,
    scoring="average_precision",
    random_state=RANDOM_STATE,
)
clf.fit(X_train, y_train)
print("stopped at", clf.n_iter_, "iterations")

p = clf.predict_proba(X_test)[:, 1]
print(f"test ROC AUC {roc_auc_score(y_test, p):.4f}")
print(f"test PR AUC  {average_precision_score(y_test, p):.4f}  (base rate {y_test.mean():.3f})")
