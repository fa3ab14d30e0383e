"""Training / evaluation loops for torchvision detectors."""
import math

import torch
from torchmetrics.detection import MeanAveragePrecision


def train_one_epoch(model, optimizer, loader, device, scaler, epoch, print_freq=50):
    model.train()
    running = 0.0
    for step, (images, targets) in enumerate(loader):
        images = [img.to(device) for img in images]
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            loss_dict = model(images, targets)
            loss = sum(loss_dict.values())
        if not math.isfinite(loss.item()):
            raise RuntimeError(f"non-finite loss at epoch {epoch} step {step}: {loss_dict}")
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        running += loss.item()
        if step % print_freq == 0:
            print(f"[{epoch}] step {step}/{len(loader)} loss {loss.item():.4f}")
    return running / max(1, len(loader))


@torch.no_grad()
def evaluate_map(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(iou_type="bbox", class_metrics=True)
    for images, targets in loader:
        images = [img.to(device) for img in images]
        outputs = model(images)
        metric.update([{k: v.cpu() for k, v in o.items()} for o in outputs],
                      [{k: v.cpu() for k, v in t.items()} for t in targets])
    return metric.compute()
