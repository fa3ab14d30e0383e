from collections import defaultdict

import torch
from torchmetrics.detection import MeanAveragePrecision


def _to(device, images, targets):
    return [im.to(device) for im in images], [{k: v.to(device) for k, v in t.items()} for t in targets]


def train_one_epoch(model, loader, optimizer, device, scaler, warmup=None):
    model.train()
    totals = defaultdict(float)
    for images, targets in loader:
        images, targets = _to(device, images, targets)
        with torch.autocast("cuda", dtype=torch.float16):
            losses = model(images, targets)
            loss = sum(losses.values())
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        if warmup is not None:
            warmup.step()
        for k, v in losses.items():
            totals[k] += v.item() / len(loader)
    return dict(totals)


@torch.no_grad()
def validation_losses(model, loader, device):
    """Mean of each loss term on a loader; torchvision detectors only return losses in training mode."""
    model.train()
    totals = defaultdict(float)
    for images, targets in loader:
        images, targets = _to(device, images, targets)
        for k, v in model(images, targets).items():
            totals[k] += v.item() / len(loader)
    return dict(totals)


@torch.no_grad()
def evaluate_map(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(iou_type="bbox", iou_thresholds=[0.5, 0.55, 0.6, 0.65, 0.7, 0.75])
    for images, targets in loader:
        outputs = model([im.to(device) for im in images])
        metric.update([{k: v.cpu() for k, v in o.items()} for o in outputs], list(targets))
    res = metric.compute()
    return {"map_50_75": res["map"].item(), "map_50": res["map_50"].item(), "map_75": res["map_75"].item(),
            "mar_100": res["mar_100"].item()}
