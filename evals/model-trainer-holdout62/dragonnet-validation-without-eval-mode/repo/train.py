"""Train DragonNet to estimate the effect of joining Plus on 90-day orders (observational data)."""
import random
from pathlib import Path

import numpy as np
import torch
import yaml

from cate_net.data import load_splits
from cate_net.model import DragonNet, dragonnet_loss


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def evaluate(model, loader, alpha):
    total, n, ate_parts = 0.0, 0, []
    with torch.no_grad():
        for x, t, y in loader:
            y0, y1, g = model(x)
            total += dragonnet_loss(y, t, y0, y1, g, alpha).item() * len(y)
            n += len(y)
            ate_parts.append((y1 - y0).numpy())
    return total / n, float(np.concatenate(ate_parts).mean())


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])
    train_dl, val_dl, test_dl, _ = load_splits(cfg)

    model = DragonNet(len(cfg["covariates"]), cfg["hidden"], cfg["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    best, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for x, t, y in train_dl:
            opt.zero_grad()
            y0, y1, g = model(x)
            loss = dragonnet_loss(y, t, y0, y1, g, cfg["alpha"])
            loss.backward()
            opt.step()

        val_loss, val_ate = evaluate(model, val_dl, cfg["alpha"])
        print(f"epoch {epoch:3d}  val_loss {val_loss:.4f}  val_ate {val_ate:+.4f}")
        if val_loss < best - 1e-4:
            best, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"]))
    test_loss, test_ate = evaluate(model, test_dl, cfg["alpha"])
    naive = []
    for x, t, y in test_dl:
        naive.append((y[t == 1].sum().item(), (t == 1).sum().item(), y[t == 0].sum().item(), (t == 0).sum().item()))
    s1, n1, s0, n0 = np.sum(naive, axis=0)
    print(f"test loss {test_loss:.4f} | DragonNet ATE {test_ate:+.4f} | naive diff-in-means {s1 / n1 - s0 / n0:+.4f}")


if __name__ == "__main__":
    main()
