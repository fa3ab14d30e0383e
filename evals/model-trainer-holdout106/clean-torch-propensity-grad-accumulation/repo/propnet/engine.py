import numpy as np
import torch


def train_one_epoch(model, loader, optimizer, loss_fn, accum_steps=1):
    """Gradient accumulation over `accum_steps` mini-batches (effective batch = batch_size * accum_steps)."""
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n = 0.0, 0
    for step, (x_cat, x_num, y) in enumerate(loader, start=1):
        loss = loss_fn(model(x_cat, x_num), y) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps * len(y)
        n += len(y)
        if step % accum_steps == 0 or step == len(loader):
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return total / n


@torch.inference_mode()
def predict(model, loader):
    model.eval()
    probs, ys = [], []
    for x_cat, x_num, y in loader:
        probs.append(torch.sigmoid(model(x_cat, x_num)).numpy())
        ys.append(y.numpy())
    return np.concatenate(probs), np.concatenate(ys)
