import json

import joblib
from sklearn.metrics import classification_report, precision_recall_fscore_support, roc_auc_score

from session_features import load_sessions, scale_counts

DATA = "data/HDFS_v1"


def main():
    split = json.load(open("models/split.json"))
    clf = joblib.load("models/hdfs_logreg.joblib")

    sessions, _ = load_sessions(f"{DATA}/HDFS.log_structured.csv",
                                f"{DATA}/HDFS.log_templates.csv",
                                f"{DATA}/anomaly_label.csv")
    test = sessions.loc[split["test_blocks"]]
    X_te = scale_counts(test[split["event_ids"]])
    y_te = test["y"].values

    scores = clf.predict_proba(X_te)[:, 1]
    pred = (scores >= 0.5).astype(int)
    p, r, f1, _ = precision_recall_fscore_support(y_te, pred, average="binary")
    print(f"HDFS test blocks: {len(test)}")
    print(f"precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  ROC AUC {roc_auc_score(y_te, scores):.4f}")
    print(classification_report(y_te, pred, target_names=["Normal", "Anomaly"], digits=4))


if __name__ == "__main__":
    main()
