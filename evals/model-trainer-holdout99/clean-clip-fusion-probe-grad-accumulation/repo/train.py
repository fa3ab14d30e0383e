"""Hateful-meme probe on frozen CLIP ViT-L/14 image + text embeddings."""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from fusion_probe.engine import evaluate, train_epoch
from fusion_probe.model import FusionHead
from fusion_probe.utils import EarlyStopper, seed_everything


def split(arr, name):
    t = lambda a: torch.as_tensor(a, dtype=torch.float32)
    return t(arr[f"img_{name}"]), t(arr[f"txt_{name}"]), t(arr[f"y_{name}"])


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    arr = np.load(cfg["features"])
    oc = cfg["optim"]

    train_dl = DataLoader(TensorDataset(*split(arr, "train")), batch_size=oc["micro_batch"], shuffle=True, generator=gen)
    dev_dl = DataLoader(TensorDataset(*split(arr, "dev")), batch_size=512)
    test_dl = DataLoader(TensorDataset(*split(arr, "test")), batch_size=512)

    y_train = arr["y_train"]
    pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean(), device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    model = FusionHead(arr["img_train"].shape[1], cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=oc["lr"], weight_decay=oc["weight_decay"])

    stopper = EarlyStopper(cfg["schedule"]["patience"], mode="max")
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["schedule"]["epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, criterion, device, oc["accum_steps"], oc["max_grad_norm"])
        dev = evaluate(model, dev_dl, criterion, device)
        print(f"epoch {epoch:02d} train_loss={tr_loss:.4f} dev_loss={dev['loss']:.4f} dev_auc={dev['roc_auc']:.4f}")
        if stopper.step(dev["roc_auc"]):
            torch.save({"state_dict": model.state_dict(), "epoch": epoch, "dev": dev}, ckpt)
        if stopper.should_stop:
            print(f"no dev improvement for {stopper.patience} epochs, stopping")
            break

    model.load_state_dict(torch.load(ckpt, map_location=device)["state_dict"])
    test = evaluate(model, test_dl, criterion, device)

    concat = lambda s: np.hstack([arr[f"img_{s}"], arr[f"txt_{s}"]])
    lin = LogisticRegression(C=0.5, max_iter=5000, class_weight="balanced").fit(concat("train"), y_train)
    lin_p = lin.predict_proba(concat("test"))[:, 1]
    report = {
        "fusion_mlp": {k: float(v) for k, v in test.items()},
        "concat_logreg": {"roc_auc": float(roc_auc_score(arr["y_test"], lin_p)),
                          "pr_auc": float(average_precision_score(arr["y_test"], lin_p))},
    }
    print(json.dumps(report, indent=2))
    (ckpt.parent / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/probe.yaml")
    main(ap.parse_args().config)
