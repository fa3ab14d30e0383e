"""Train the bag-of-words intent classifier.

python train.py --config configs/default.yaml
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from intent_clf.data import BowDataset, Vocab
from intent_clf.engine import evaluate, train_one_epoch
from intent_clf.model import BowMLP


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["data_path"]).dropna(subset=["utterance", "intent"])
    intents = sorted(df["intent"].unique())
    df["y"] = df["intent"].map({k: i for i, k in enumerate(intents)})

    train_df, test_df = train_test_split(df, test_size=0.15, stratify=df["y"], random_state=cfg["seed"])
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["y"],
                                        random_state=cfg["seed"])

    vocab = Vocab.build(train_df["utterance"], min_freq=cfg["min_freq"])
    loaders = {
        name: DataLoader(BowDataset(part["utterance"], part["y"], vocab),
                         batch_size=cfg["batch_size"], shuffle=(name == "train"))
        for name, part in [("train", train_df), ("val", val_df), ("test", test_df)]
    }

    model = BowMLP(len(vocab), len(intents), cfg["hidden"], cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, device)
        val = evaluate(model, loaders["val"], device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
              f"val_macro_f1={val['macro_f1']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    test = evaluate(model, loaders["test"], device)
    dummy = DummyClassifier(strategy="most_frequent").fit(train_df["utterance"], train_df["y"])
    test["majority_macro_f1"] = f1_score(test_df["y"], dummy.predict(test_df["utterance"]),
                                         average="macro")
    print(json.dumps(test, indent=2))
    (out_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/default.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
