"""Train a topic classifier head on cached e5-base embeddings."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader, TensorDataset

from probe.model import EmbeddingHead
from probe.trainer import evaluate, train_one_epoch


def seed_everything(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loader(X, y, batch_size, shuffle, seed=None):
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.long))
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    arr = np.load(cfg["data"]["embeddings"])
    splits = {s: (arr[f"X_{s}"], arr[f"y_{s}"]) for s in ("train", "val", "test")}
    n_classes = int(splits["train"][1].max()) + 1
    tc = cfg["train"]

    train_dl = make_loader(*splits["train"], tc["batch_size"], shuffle=True, seed=cfg["seed"])
    val_dl = make_loader(*splits["val"], 512, shuffle=False)
    test_dl = make_loader(*splits["test"], 512, shuffle=False)

    model = EmbeddingHead(splits["train"][0].shape[1], cfg["model"]["hidden"], n_classes,
                          cfg["model"]["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=tc["lr"], total_steps=tc["epochs"] * len(train_dl)
    )
    criterion = torch.nn.CrossEntropyLoss()

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(tc["epochs"]):
        train_loss = train_one_epoch(model, train_dl, optimizer, scheduler, criterion, device,
                                     tc["max_grad_norm"])
        val = evaluate(model, val_dl, criterion, device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val={json.dumps(val)}")
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "config": cfg}, ckpt_dir / "best.pt")
        else:
            stale += 1
            if stale >= tc["patience"]:
                break

    state = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_dl, criterion, device)

    X_tr, y_tr = splits["train"]
    X_te, y_te = splits["test"]
    prior = DummyClassifier(strategy="stratified", random_state=cfg["seed"]).fit(X_tr, y_tr)
    test["baseline_macro_f1"] = float(f1_score(y_te, prior.predict(X_te), average="macro"))
    print("test:", json.dumps(test, indent=2))
    (ckpt_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/topic_head.yaml")
    main(ap.parse_args().config)
