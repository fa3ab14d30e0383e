"""Score the saved checkpoint on the held-out test patches and pick the operating threshold."""
import json

import numpy as np
import torch
from sklearn.metrics import (average_precision_score, confusion_matrix, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)
from torch.utils.data import DataLoader

from weldnet.common import WeldPatches, build_model, build_transforms, load_config, predict_proba, read_split


def best_f1_threshold(y_true, probs):
    precision, recall, thresholds = precision_recall_curve(y_true, probs)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-12, None)
    return float(thresholds[np.argmax(f1[:-1])])


def main():
    cfg = load_config()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model().to(device)
    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))

    test_df = read_split(cfg, "test")
    test_dl = DataLoader(WeldPatches(test_df, cfg["images"], build_transforms(cfg["img_size"], False)),
                         batch_size=cfg["batch_size"], num_workers=4)
    y_test, p_test = predict_proba(model, test_dl, device)

    threshold = best_f1_threshold(y_test, p_test)
    y_hat = (p_test >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_test, y_hat).ravel()
    results = {
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_test, p_test),
        "average_precision": average_precision_score(y_test, p_test),
        "precision": precision_score(y_test, y_hat),
        "recall": recall_score(y_test, y_hat),
        "f1": f1_score(y_test, y_hat),
        "false_alarm_rate": fp / (fp + tn),
        "prevalence": float(np.mean(y_test)),
    }
    print(json.dumps(results, indent=2))
    with open("test_results.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
