import json
import random

import numpy as np
import torch
from torch.utils.data import DataLoader

from dataset import TASKS, BlockPatterns, load_splits
from trainer import MLPDecoder, Trainer


def main(cfg_file="config.json"):
    cfg = json.load(open(cfg_file))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])

    train_subj, val_subj, test_subj = load_splits(cfg["splits"])
    assert not set(train_subj) & set(test_subj) and not set(val_subj) & set(test_subj)
    train_ds = BlockPatterns(cfg["features"], train_subj)
    val_ds = BlockPatterns(cfg["features"], val_subj)
    test_ds = BlockPatterns(cfg["features"], test_subj)
    print(f"blocks: train={len(train_ds)} val={len(val_ds)} test={len(test_ds)}")

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = MLPDecoder(train_ds.X.shape[1], cfg["hidden"], len(TASKS), cfg["dropout"])
    trainer = Trainer(model, cfg["lr"], cfg["weight_decay"], device)
    best_val = trainer.fit(train_ds, val_ds, cfg["epochs"], cfg["batch_size"])

    test_acc = trainer.evaluate(DataLoader(test_ds, batch_size=512))
    print(f"best val acc {best_val:.4f} | test acc on {len(test_subj)} unseen subjects: {test_acc:.4f}")
    torch.save(trainer.model.state_dict(), "hcp_state_mlp.pt")


if __name__ == "__main__":
    main()
