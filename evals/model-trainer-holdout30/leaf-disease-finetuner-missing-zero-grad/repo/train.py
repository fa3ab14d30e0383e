"""Fine-tune an ImageNet backbone on leaf-disease photos.

    python train.py --config configs/resnet18.yaml
"""
import argparse
import json
import random
from collections import Counter
from pathlib import Path

import mlflow
import numpy as np
import torch
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score

from leafdx.data import make_loaders
from leafdx.models import build_model
from leafdx.trainer import FineTuner


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/resnet18.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, classes = make_loaders(cfg["data_root"], cfg["img_size"], cfg["batch_size"],
                                                      cfg["workers"], cfg["seed"])
    model = build_model(cfg["arch"], len(classes))
    tuner = FineTuner(model, cfg, steps_per_epoch=len(train_dl), device=device)

    mlflow.set_experiment("leaf-disease")
    with mlflow.start_run(run_name=cfg["arch"]):
        mlflow.log_params({k: v for k, v in cfg.items() if not isinstance(v, dict)})
        summary = tuner.fit(train_dl, val_dl)
        test = tuner.evaluate(test_dl)

        majority = Counter(train_dl.dataset.targets).most_common(1)[0][0]
        y_test = np.array(test_dl.dataset.targets)
        y_major = np.full_like(y_test, majority)
        baseline = {
            "majority_macro_f1": f1_score(y_test, y_major, average="macro"),
            "majority_balanced_acc": balanced_accuracy_score(y_test, y_major),
        }
        metrics = {**summary, **{f"test_{k}": v for k, v in test.items()}, **baseline}
        mlflow.log_metrics(metrics)
        print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
