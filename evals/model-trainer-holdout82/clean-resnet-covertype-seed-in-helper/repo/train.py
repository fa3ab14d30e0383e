import argparse
import json
from pathlib import Path

import numpy as np
import rtdl
import torch
import torch.nn.functional as F
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss

from tabkit.data import Standardizer, load_covertype, make_loader, split
from tabkit.repro import seed_everything


@torch.no_grad()
def predict_proba(model, loader):
    model.eval()
    return torch.cat([F.softmax(model(xb), dim=1) for xb, _ in loader]).numpy()


def evaluate(y_true, proba):
    pred = proba.argmax(1)
    return {"accuracy": accuracy_score(y_true, pred), "macro_f1": f1_score(y_true, pred, average="macro"),
            "log_loss": log_loss(y_true, proba, labels=list(range(proba.shape[1])))}


def main(cfg):
    gen = seed_everything(cfg["seed"])
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    X, y, num_cols = load_covertype(cfg)
    (X_tr, y_tr), (X_val, y_val), (X_te, y_te) = split(X, y, cfg)
    std = Standardizer(num_cols).fit(X_tr)
    X_tr, X_val, X_te = std.transform(X_tr), std.transform(X_val), std.transform(X_te)

    t = cfg["train"]
    train_dl = make_loader(X_tr, y_tr, t["batch_size"], True, gen, t["num_workers"])
    val_dl = make_loader(X_val, y_val, 8192, False)
    test_dl = make_loader(X_te, y_te, 8192, False)

    n_classes = int(y.max()) + 1
    model = rtdl.ResNet.make_baseline(d_in=X_tr.shape[1], d_out=n_classes, **cfg["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=t["lr"], weight_decay=t["weight_decay"])

    best, stale, history = np.inf, 0, []
    for epoch in range(t["max_epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            F.cross_entropy(model(xb), yb).backward()
            opt.step()
        val_metrics = evaluate(y_val, predict_proba(model, val_dl))
        history.append(val_metrics)
        print(f"epoch {epoch:03d} " + " ".join(f"{k}={v:.4f}" for k, v in val_metrics.items()))
        if val_metrics["log_loss"] < best:
            best, stale = val_metrics["log_loss"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= t["patience"]:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    results = {"resnet": evaluate(y_te, predict_proba(model, test_dl))}
    logreg = LogisticRegression(max_iter=500, random_state=cfg["seed"]).fit(X_tr, y_tr)
    results["logreg"] = evaluate(y_te, logreg.predict_proba(X_te))
    (out / "results.json").write_text(json.dumps({"test": results, "val_history": history}, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/experiment.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
