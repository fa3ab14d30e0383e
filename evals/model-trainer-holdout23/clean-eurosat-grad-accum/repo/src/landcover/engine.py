import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, scheduler, criterion, scaler, device, accum_steps, max_grad_norm):
    """One epoch with gradient accumulation: gradients of `accum_steps` micro-batches are summed
    before each optimizer step, then cleared."""
    model.train()
    optimizer.zero_grad(set_to_none=True)
    running, seen = 0.0, 0
    for step, (images, labels) in enumerate(loader, start=1):
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            loss = criterion(model(images), labels)
        scaler.scale(loss / accum_steps).backward()
        running += loss.item() * labels.size(0)
        seen += labels.size(0)

        if step % accum_steps == 0 or step == len(loader):
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
            scheduler.step()
    return running / seen


@torch.inference_mode()
def evaluate(model, loader, criterion, device):
    model.eval()
    loss_sum, y_true, y_pred = 0.0, [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        loss_sum += criterion(logits, labels).item() * labels.size(0)
        y_true.append(labels.cpu().numpy())
        y_pred.append(logits.argmax(dim=1).cpu().numpy())
    y_true, y_pred = np.concatenate(y_true), np.concatenate(y_pred)
    return {
        "loss": loss_sum / len(y_true),
        "accuracy": accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }
