"""Self-training SVM for flow classification (benign / scan / bruteforce / exfil).

Analysts verified labels for a few thousand NetFlow records; the sensor
collected ~200k more that nobody looked at. Those go in as unlabeled (-1).
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.semi_supervised import SelfTrainingClassifier
from sklearn.svm import SVC

HEAVY_TAILED = ["duration_ms", "bytes_in", "bytes_out", "pkts_in", "pkts_out"]
FEATURES = HEAVY_TAILED + ["dst_port_bucket", "tcp_flags_syn", "tcp_flags_rst",
                           "n_distinct_dst_24h", "mean_iat_ms", "proto_tcp", "proto_udp"]
LABELS = ["benign", "scan", "bruteforce", "exfil"]


def load(path):
    df = pd.read_parquet(path)
    df[HEAVY_TAILED] = np.log1p(df[HEAVY_TAILED].clip(lower=0))
    df["proto_tcp"] = (df["proto"] == "tcp").astype(int)
    df["proto_udp"] = (df["proto"] == "udp").astype(int)
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labeled", default="data/flows_verified.parquet")
    ap.add_argument("--unlabeled", default="data/flows_unverified_sample.parquet")
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    lab = load(args.labeled)
    unl = load(args.unlabeled)
    y = lab["label"].map({name: i for i, name in enumerate(LABELS)}).to_numpy()

    X_tr, X_te, y_tr, y_te = train_test_split(
        lab[FEATURES].to_numpy(), y, test_size=0.25, stratify=y, random_state=args.seed
    )
    X_unl = unl[FEATURES].to_numpy()

    # the unverified flows are ~50x the labeled ones, so they dominate the scaling stats
    scaler = StandardScaler().fit(np.vstack([X_tr, X_unl]))
    X_tr_s, X_unl_s, X_te_s = scaler.transform(X_tr), scaler.transform(X_unl), scaler.transform(X_te)

    X_fit = np.vstack([X_tr_s, X_unl_s])
    y_fit = np.concatenate([y_tr, np.full(len(X_unl_s), -1)])

    svc = SVC(C=3.0, gamma="scale", probability=True, class_weight="balanced", random_state=args.seed)
    model = SelfTrainingClassifier(svc, threshold=args.threshold, max_iter=5)
    model.fit(X_fit, y_fit)
    n_added = int((model.labeled_iter_ > 0).sum())
    print(f"pseudo-labeled {n_added} flows in {model.n_iter_} iterations ({model.termination_condition_})")

    pred = model.predict(X_te_s)
    print(classification_report(y_te, pred, target_names=LABELS, digits=3))
    summary = {"macro_f1": f1_score(y_te, pred, average="macro"), "n_pseudo": n_added,
               "threshold": args.threshold}
    with open("reports/self_training_svm.json", "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
