import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    optimizer.zero_grad(set_to_none=True)
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader]).numpy()


def wandb_settings() -> dict:
    key = os.environ.get("WANDB_API_KEY")
    return {"mode": "online" if key else "offline"}
