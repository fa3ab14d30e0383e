import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader, TensorDataset

from harnet.fit import evaluate, fit
from harnet.model import GRUClassifier


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def summary_features(X: np.ndarray) -> np.ndarray:
    return np.concatenate([X.mean(1), X.std(1), X.min(1), X.max(1)], axis=1)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/gru.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    arrays = {s: np.load(Path(cfg["windows_dir"]) / f"{s}.npz") for s in ("train", "val", "test")}
    gen = torch.Generator().manual_seed(cfg["seed"])
    loaders = {
        s: DataLoader(TensorDataset(torch.from_numpy(a["X"]), torch.from_numpy(a["y"]).long()),
                      batch_size=cfg["train"]["batch_size"], shuffle=(s == "train"), generator=gen)
        for s, a in arrays.items()
    }
    n_classes = int(max(a["y"].max() for a in arrays.values())) + 1
    model = GRUClassifier(len(cfg["channels"]), n_classes, **cfg["model"]).to(device)

    ckpt = fit(model, loaders, cfg, device)
    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    results = {"gru_test": evaluate(model, loaders["test"], device)}

    base = LogisticRegression(C=1.0, max_iter=5000)
    base.fit(summary_features(arrays["train"]["X"]), arrays["train"]["y"])
    base_pred = base.predict(summary_features(arrays["test"]["X"]))
    results["summary_logreg_test"] = {
        "macro_f1": f1_score(arrays["test"]["y"], base_pred, average="macro"),
        "balanced_acc": balanced_accuracy_score(arrays["test"]["y"], base_pred),
    }
    Path(cfg["ckpt_dir"], "test_results.json").write_text(json.dumps(results, indent=2, default=float))
    logging.info("%s", results)


if __name__ == "__main__":
    main()
