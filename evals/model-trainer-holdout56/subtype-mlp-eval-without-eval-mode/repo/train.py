"""Train the PAM50 subtype MLP on METABRIC expression.

python train.py --config config.yaml
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch import nn

from pam50net.data import load_metabric, make_splits, to_loader
from pam50net.evaluate import evaluate
from pam50net.model import SubtypeMLP


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    expr, labels = load_metabric(cfg["data"]["expression"], cfg["data"]["labels"])
    splits, enc, _ = make_splits(expr, labels, cfg["data"]["val_size"], cfg["data"]["test_size"], cfg["seed"])
    tc = cfg["train"]
    train_dl = to_loader(*splits["train"], tc["batch_size"], shuffle=True, seed=cfg["seed"])
    val_dl = to_loader(*splits["val"], tc["batch_size"], shuffle=False)
    test_dl = to_loader(*splits["test"], tc["batch_size"], shuffle=False)

    # linear baseline on the same standardised features
    base = LogisticRegression(C=0.01, max_iter=5000, class_weight="balanced")
    base.fit(*splits["train"])
    base_pred = base.predict(splits["test"][0])
    baseline = {"balanced_accuracy": balanced_accuracy_score(splits["test"][1], base_pred),
                "macro_f1": f1_score(splits["test"][1], base_pred, average="macro")}

    model = SubtypeMLP(expr.shape[1], len(enc.classes_), cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
    counts = np.bincount(splits["train"][1], minlength=len(enc.classes_))
    weights = torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float32, device=device)
    loss_fn = nn.CrossEntropyLoss(weight=weights)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_val, bad_epochs = -np.inf, 0
    for epoch in range(tc["max_epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)

        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:3d} train_loss={running / len(train_dl.dataset):.4f} "
              f"val_bal_acc={val['balanced_accuracy']:.3f} val_f1={val['macro_f1']:.3f}")
        if val["macro_f1"] > best_val:
            best_val, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tc["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, test_dl, device)
    print("baseline:", baseline)
    print("mlp test:", test)
    with open(ckpt.with_suffix(".metrics.json"), "w") as fh:
        json.dump({"baseline": baseline, "mlp": test, "classes": enc.classes_.tolist()}, fh, indent=2)


if __name__ == "__main__":
    main()
