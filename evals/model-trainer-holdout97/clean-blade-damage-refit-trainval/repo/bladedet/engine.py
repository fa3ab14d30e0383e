import torch
from torchmetrics.detection import MeanAveragePrecision


def _to(device, images, targets):
    return [i.to(device) for i in images], [{k: v.to(device) for k, v in t.items()} for t in targets]


def train_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for images, targets in loader:
        images, targets = _to(device, images, targets)
        loss = sum(model(images, targets).values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)


@torch.no_grad()
def loss_on(model, loader, device):
    # torchvision detection models only return the loss dict in training mode
    model.train()
    total = 0.0
    for images, targets in loader:
        images, targets = _to(device, images, targets)
        total += sum(model(images, targets).values()).item()
    return total / len(loader)


@torch.no_grad()
def map_on(model, loader, device):
    model.eval()
    metric = MeanAveragePrecision(class_metrics=True)
    for images, targets in loader:
        preds = model([i.to(device) for i in images])
        metric.update([{k: v.cpu() for k, v in p.items()} for p in preds], list(targets))
    r = metric.compute()
    return {"map": float(r["map"]), "map_50": float(r["map_50"]), "map_75": float(r["map_75"]),
            "mar_100": float(r["mar_100"])}
