"""Train an MLP to predict molecular subtype from tumour RNA-seq."""
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
from torch.utils.data import DataLoader, TensorDataset

from subtype.data import load_counts, log_cpm, split, standardise, top_variable_genes
from subtype.model import ExpressionMLP


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y).long())
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    preds, losses = [], []
    for xb, yb in dl:
        logits = model(xb.to(device))
        losses.append(nn.functional.cross_entropy(logits, yb.to(device)).item())
        preds.append(logits.argmax(1).cpu().numpy())
    return np.concatenate(preds), float(np.mean(losses))


def main(cfg):
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    counts, labels = load_counts(cfg["counts"], cfg["labels"], cfg["label_col"])
    expr = log_cpm(counts)
    (X_train, y_train), (X_val, y_val), (X_test, y_test), enc = split(
        expr, labels, cfg["seed"], cfg["val_size"], cfg["test_size"]
    )

    genes = top_variable_genes(X_train, cfg["n_genes"])
    X_train, scaler = standardise(X_train[genes].values)
    X_val, _ = standardise(X_val[genes].values)
    X_test, _ = standardise(X_test[genes].values)

    baseline = LogisticRegression(C=0.1, max_iter=3000).fit(X_train, y_train)
    base_pred = baseline.predict(X_test)

    model = ExpressionMLP(len(genes), len(enc.classes_), dropout=cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    train_dl = loader(X_train, y_train, cfg["batch_size"], shuffle=True)
    val_dl = loader(X_val, y_val, 256, shuffle=False)
    test_dl = loader(X_test, y_test, 256, shuffle=False)

    out = Path(cfg["output_dir"]); out.mkdir(parents=True, exist_ok=True)
    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        _, val_loss = predict(model, val_dl, device)
        print(f"epoch {epoch:3d} val_loss {val_loss:.4f}")
        if val_loss < best_val - 1e-4:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    test_pred, _ = predict(model, test_dl, device)
    metrics = {
        "mlp": {"macro_f1": f1_score(y_test, test_pred, average="macro"),
                "balanced_acc": balanced_accuracy_score(y_test, test_pred)},
        "logreg": {"macro_f1": f1_score(y_test, base_pred, average="macro"),
                   "balanced_acc": balanced_accuracy_score(y_test, base_pred)},
    }
    print(json.dumps(metrics, indent=2))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
