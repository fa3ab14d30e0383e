import json

import joblib
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from session_features import load_sessions, scale_counts

DATA = "data/HDFS_v1"
TRAIN_FRAC = 0.8


def main():
    sessions, event_ids = load_sessions(f"{DATA}/HDFS.log_structured.csv",
                                        f"{DATA}/HDFS.log_templates.csv",
                                        f"{DATA}/anomaly_label.csv")
    # chronological split on first appearance of the block
    cut = int(len(sessions) * TRAIN_FRAC)
    train, test = sessions.iloc[:cut], sessions.iloc[cut:]
    print(f"train blocks {len(train)} ({train['y'].mean():.4f} anomalous), test blocks {len(test)}")

    X_tr = scale_counts(train[event_ids])
    y_tr = train["y"].values

    clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=5000)
    clf.fit(X_tr, y_tr)
    print("train F1 (sanity):", round(f1_score(y_tr, clf.predict(X_tr)), 4))

    joblib.dump(clf, "models/hdfs_logreg.joblib")
    with open("models/split.json", "w") as f:
        json.dump({"test_blocks": test.index.tolist(), "event_ids": event_ids}, f)


if __name__ == "__main__":
    main()
