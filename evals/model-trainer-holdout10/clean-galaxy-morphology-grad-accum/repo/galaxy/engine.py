import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score


def train_one_epoch(model, loader, criterion, optimizer, scaler, device, accum_steps: int) -> float:
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n = 0.0, 0
    for step, (x, y) in enumerate(loader, start=1):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=device == "cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss / accum_steps).backward()
        if step % accum_steps == 0 or step == len(loader):
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
        total += loss.item() * x.size(0)
        n += x.size(0)
    return total / n


@torch.inference_mode()
def predict(model, loader, device) -> tuple[np.ndarray, np.ndarray]:
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(dim=1).cpu().numpy())
        ys.append(y.numpy())
    return np.concatenate(ys), np.concatenate(preds)


def scores(y: np.ndarray, p: np.ndarray) -> dict:
    return {"macro_f1": f1_score(y, p, average="macro"), "balanced_acc": balanced_accuracy_score(y, p)}
