import random

import numpy as np
import torch


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_epoch(model, loader, optimizer, criterion, device, accum_steps, grad_scaler, max_norm=1.0):
    """One epoch with gradient accumulation over `accum_steps` micro-batches."""
    model.train()
    use_amp = grad_scaler.is_enabled()
    optimizer.zero_grad(set_to_none=True)
    running, n_batches = 0.0, len(loader)
    for step, (xb, yb) in enumerate(loader, start=1):
        xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, enabled=use_amp):
            loss = criterion(model(xb), yb) / accum_steps
        grad_scaler.scale(loss).backward()
        running += loss.item() * accum_steps
        if step % accum_steps == 0 or step == n_batches:
            grad_scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            grad_scaler.step(optimizer)
            grad_scaler.update()
            optimizer.zero_grad(set_to_none=True)
    return running / n_batches


def predict(model, loader, device):
    model.eval()
    outs = []
    with torch.inference_mode():
        for xb, _ in loader:
            outs.append(model(xb.to(device)).float().cpu())
    return torch.cat(outs).numpy()
