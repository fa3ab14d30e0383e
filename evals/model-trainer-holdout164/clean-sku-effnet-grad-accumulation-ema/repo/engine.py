import random

import numpy as np
import torch
from sklearn.metrics import f1_score


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, optimizer, scaler, criterion, device, accum_steps, ema=None):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    running = 0.0
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=scaler.is_enabled()):
            loss = criterion(model(x), y) / accum_steps
        scaler.scale(loss).backward()
        if (step + 1) % accum_steps == 0 or (step + 1) == len(loader):
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 2.0)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
            if ema is not None:
                ema.update(model)
        running += loss.item() * accum_steps
    return running / len(loader)


@torch.inference_mode()
def evaluate(model, loader, device):
    model.eval()
    pred, true = [], []
    for x, y in loader:
        pred.append(model(x.to(device, non_blocking=True)).argmax(1).cpu())
        true.append(y)
    pred, true = torch.cat(pred).numpy(), torch.cat(true).numpy()
    return {"top1": float((pred == true).mean()), "macro_f1": float(f1_score(true, pred, average="macro"))}
