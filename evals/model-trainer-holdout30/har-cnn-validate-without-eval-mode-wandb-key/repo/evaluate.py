"""Evaluate the best checkpoint on the held-out test subjects.

    python evaluate.py --ckpt checkpoints/har_cnn/best.pt
"""
import argparse
import json

import torch
from sklearn.metrics import accuracy_score, classification_report, f1_score

from har_cnn.config import TrainConfig
from har_cnn.data import build_loaders
from har_cnn.model import HARConvNet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt", default="checkpoints/har_cnn/best.pt")
    args = parser.parse_args()
    cfg = TrainConfig()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    _, _, test_loader, _ = build_loaders(cfg.data_dir, cfg.batch_size, cfg.num_workers, cfg.seed)
    state = torch.load(args.ckpt, map_location=device)
    model = HARConvNet(dropout=cfg.dropout).to(device)
    model.load_state_dict(state["model"])
    model.eval()

    preds, targets = [], []
    with torch.no_grad():
        for xb, yb in test_loader:
            preds.append(model(xb.to(device)).argmax(dim=1).cpu())
            targets.append(yb)
    y_pred, y_true = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    report = {
        "test_macro_f1": f1_score(y_true, y_pred, average="macro"),
        "test_accuracy": accuracy_score(y_true, y_pred),
        "per_class": classification_report(y_true, y_pred, output_dict=True),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
