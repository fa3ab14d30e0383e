"""Operating-point report for the wake-word CRNN: false alarms per hour vs. miss rate."""
import json
import os

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from wakeword.data import WindowManifest
from wakeword.model import CRNN, score


def false_alarms_per_hour(scores, labels, threshold, neg_hours):
    return np.sum((scores >= threshold) & (labels == 0)) / neg_hours


def pick_threshold(scores, labels, neg_hours, target_fa):
    """Lowest threshold whose false-alarm rate stays under the target."""
    for t in np.linspace(0.0, 1.0, 1001):
        if false_alarms_per_hour(scores, labels, t, neg_hours) <= target_fa:
            return float(t)
    return 1.0


def main():
    cfg = json.load(open("config.json"))
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = CRNN(cfg["n_mels"], cfg["hidden"]).to(device)
    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))

    test_ds = WindowManifest(os.path.join(cfg["manifest_dir"], "test.csv"),
                             cfg["sample_rate"], cfg["window_seconds"], cfg["n_mels"])
    scores, labels = score(model, DataLoader(test_ds, batch_size=512, num_workers=6), device)
    neg_hours = test_ds.hours_of_negatives()

    threshold = pick_threshold(scores, labels, neg_hours, cfg["target_false_alarms_per_hour"])
    detected = scores >= threshold
    recall = detected[labels == 1].mean()
    fa_rate = false_alarms_per_hour(scores, labels, threshold, neg_hours)

    report = {
        "threshold": threshold,
        "false_alarms_per_hour": float(fa_rate),
        "false_reject_rate": float(1 - recall),
        "roc_auc": float(roc_auc_score(labels, scores)),
        "average_precision": float(average_precision_score(labels, scores)),
        "negative_hours": float(neg_hours),
    }
    print(json.dumps(report, indent=2))
    json.dump(report, open("artifacts/operating_point.json", "w"), indent=2)


if __name__ == "__main__":
    main()
