"""Covertype MLP: small architecture sweep selected on the validation split, one final test evaluation."""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score

from covtype.data import load_covtype, make_loader, split_and_scale
from covtype.model import mlp
from covtype.train_utils import evaluate, fit, seed_everything


def sklearn_baselines(train, test, seed):
    (X_tr, y_tr), (X_te, y_te) = train, test
    out = {}
    for name, clf in {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": LogisticRegression(max_iter=500, random_state=seed),
    }.items():
        pred = clf.fit(X_tr, y_tr).predict(X_te)
        out[name] = {
            "acc": accuracy_score(y_te, pred),
            "bal_acc": balanced_accuracy_score(y_te, pred),
            "macro_f1": f1_score(y_te, pred, average="macro"),
        }
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="configs/sweep.yaml")
    parser.add_argument("--out", default="runs/covtype_sweep")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    X, y = load_covtype(cfg["data_path"])
    train, val, test = split_and_scale(X, y, cfg["test_size"], cfg["val_size"], cfg["seed"])
    train_loader = make_loader(*train, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    val_loader = make_loader(*val, cfg["batch_size"], shuffle=False)
    test_loader = make_loader(*test, cfg["batch_size"], shuffle=False)

    sweep = []
    for i, hp in enumerate(cfg["sweep"]):
        seed_everything(cfg["seed"] + i)
        model = mlp(X.shape[1], hp["hidden"], int(y.max()) + 1, hp["dropout"]).to(device)
        val_metrics, epochs = fit(model, train_loader, val_loader, hp["lr"], cfg["max_epochs"],
                                  cfg["patience"], out / f"config{i}.pt", device)
        sweep.append({"config": i, **hp, "epochs": epochs, **{f"val_{k}": v for k, v in val_metrics.items()}})
        print(sweep[-1])

    chosen = max(sweep, key=lambda r: r["val_macro_f1"])
    best_model = mlp(X.shape[1], chosen["hidden"], int(y.max()) + 1, chosen["dropout"]).to(device)
    best_model.load_state_dict(torch.load(out / f"config{chosen['config']}.pt", map_location=device))
    test_metrics = evaluate(best_model, test_loader, device)

    report = {
        "chosen_config": chosen,
        "test": test_metrics,
        "baselines_test": sklearn_baselines(train, test, cfg["seed"]),
        "sweep": sweep,
    }
    print(json.dumps({"test": test_metrics, "baselines": report["baselines_test"]}, indent=2))
    with open(out / "report.json", "w") as f:
        json.dump(report, f, indent=2, default=float)


if __name__ == "__main__":
    main()
