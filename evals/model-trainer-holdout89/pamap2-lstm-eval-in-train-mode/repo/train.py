"""Train a Conv-BiLSTM on PAMAP2 windows with a leave-subjects-out protocol."""
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from torch import nn

from har_lstm.data import ChannelScaler, load_split, make_loader
from har_lstm.engine import evaluate, train_one_epoch
from har_lstm.model import ConvLSTMClassifier


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    x_tr, y_tr = load_split(cfg["data_root"], cfg["train_subjects"])
    x_va, y_va = load_split(cfg["data_root"], cfg["val_subjects"])
    x_te, y_te = load_split(cfg["data_root"], cfg["test_subjects"])

    scaler = ChannelScaler().fit(x_tr)
    x_tr, x_va, x_te = scaler.transform(x_tr), scaler.transform(x_va), scaler.transform(x_te)

    train_loader = make_loader(x_tr, y_tr, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    val_loader = make_loader(x_va, y_va, cfg["batch_size"], shuffle=False)
    test_loader = make_loader(x_te, y_te, cfg["batch_size"], shuffle=False)

    model = ConvLSTMClassifier(cfg["n_channels"], cfg["n_classes"], cfg["hidden"], cfg["dropout"]).to(device)
    weights = torch.tensor(len(y_tr) / (cfg["n_classes"] * np.bincount(y_tr, minlength=cfg["n_classes"]).clip(1)),
                           dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, criterion, device)
        val = evaluate(model, val_loader, criterion, device)
        print(f"epoch {epoch:03d} train_loss={train_loss:.4f} val_loss={val['loss']:.4f} val_f1={val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, test_loader, criterion, device)

    majority = DummyClassifier(strategy="most_frequent").fit(x_tr.reshape(len(x_tr), -1), y_tr)
    base_f1 = f1_score(y_te, majority.predict(x_te.reshape(len(x_te), -1)), average="macro")
    summary = {"best_val_macro_f1": best_f1, "test": test, "majority_baseline_macro_f1": base_f1}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
