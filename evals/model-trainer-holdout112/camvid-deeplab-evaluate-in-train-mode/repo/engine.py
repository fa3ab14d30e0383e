import torch
import torch.nn.functional as F


def train_one_epoch(model, loader, optimizer, scaler, device, ignore_index):
    model.train()
    total = 0.0
    for images, targets in loader:
        images, targets = images.to(device, non_blocking=True), targets.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            out = model(images)
            loss = F.cross_entropy(out["out"], targets, ignore_index=ignore_index)
            loss = loss + 0.5 * F.cross_entropy(out["aux"], targets, ignore_index=ignore_index)
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        total += loss.item()
    return total / len(loader)


class ConfusionMatrix:
    def __init__(self, num_classes):
        self.n = num_classes
        self.mat = torch.zeros((num_classes, num_classes), dtype=torch.int64)

    def update(self, target, pred):
        keep = target < self.n
        idx = self.n * target[keep] + pred[keep]
        self.mat += torch.bincount(idx, minlength=self.n ** 2).reshape(self.n, self.n).cpu()

    def compute(self):
        h = self.mat.float()
        pixel_acc = h.diag().sum() / h.sum()
        iou = h.diag() / (h.sum(1) + h.sum(0) - h.diag())
        return pixel_acc.item(), iou


def evaluate(model, loader, device, num_classes):
    cm = ConfusionMatrix(num_classes)
    with torch.no_grad():
        for images, targets in loader:
            images, targets = images.to(device), targets.to(device)
            logits = model(images)["out"]
            cm.update(targets.flatten(), logits.argmax(1).flatten())
    pixel_acc, iou = cm.compute()
    return pixel_acc, iou
