import numpy as np
import torch


class ConfusionMatrix:
    def __init__(self, n_classes, ignore_index=255):
        self.n = n_classes
        self.ignore_index = ignore_index
        self.mat = np.zeros((n_classes, n_classes), dtype=np.int64)

    def update(self, pred, target):
        pred = pred.flatten().cpu().numpy()
        target = target.flatten().cpu().numpy()
        keep = target != self.ignore_index
        idx = self.n * target[keep] + pred[keep]
        self.mat += np.bincount(idx, minlength=self.n ** 2).reshape(self.n, self.n)

    def iou(self):
        tp = np.diag(self.mat)
        denom = self.mat.sum(0) + self.mat.sum(1) - tp
        return tp / np.maximum(denom, 1)

    def miou(self):
        return float(np.nanmean(self.iou()))

    def pixel_accuracy(self):
        return float(np.diag(self.mat).sum() / max(self.mat.sum(), 1))


@torch.no_grad()
def evaluate(model, loader, n_classes, device):
    model.eval()
    cm = ConfusionMatrix(n_classes)
    for img, mask in loader:
        logits = model(img.to(device))
        cm.update(logits.argmax(1), mask)
    return cm
