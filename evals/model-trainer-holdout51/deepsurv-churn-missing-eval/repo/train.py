"""Train a DeepSurv lapse model for the individual life-protection book."""
import json
import random
from pathlib import Path

import numpy as np
import torch
from lifelines.utils import concordance_index

from deepsurv.data import load_splits, make_loader
from deepsurv.loss import cox_partial_nll
from deepsurv.model import DeepSurv


def seed_everything(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def score_split(model, dataset):
    x, t, e = dataset.tensors
    log_hazard = model(x)
    loss = cox_partial_nll(log_hazard, t, e).item()
    c_index = concordance_index(t.numpy(), -log_hazard.detach().numpy(), e.numpy())
    return loss, c_index


def main():
    cfg = json.loads(Path("config.json").read_text())
    seed_everything(cfg["seed"])

    splits, _ = load_splits(cfg)
    train_loader = make_loader(splits["train"], cfg["batch_size"], shuffle=True)

    model = DeepSurv(len(cfg["features"]), cfg["hidden"], cfg["dropout"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_c, stale = -np.inf, 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for x, t, e in train_loader:
            optimizer.zero_grad()
            loss = cox_partial_nll(model(x), t, e)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(x)

        val_loss, val_c = score_split(model, splits["valid"])
        print(f"epoch {epoch:03d} train_nll={running / len(splits['train']):.4f} "
              f"val_nll={val_loss:.4f} val_c={val_c:.4f}")

        if val_c > best_c:
            best_c, stale = val_c, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"]))
    test_loss, test_c = score_split(model, splits["test"])
    x_te, t_te, e_te = splits["test"].tensors
    age_only_c = concordance_index(t_te.numpy(), x_te[:, 0].numpy(), e_te.numpy())
    print(f"test nll={test_loss:.4f}  test c-index={test_c:.4f}  (age-only baseline c={age_only_c:.4f})")


if __name__ == "__main__":
    main()
