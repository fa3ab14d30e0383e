import numpy as np
import torch


class ConfusionMeter:
    def __init__(self, n):
        self.n = n
        self.cm = np.zeros((n, n), dtype=np.int64)

    def update(self, pred, target):
        pred, target = np.asarray(pred).ravel(), np.asarray(target).ravel()
        self.cm += np.bincount(target * self.n + pred, minlength=self.n ** 2).reshape(self.n, self.n)

    def scores(self, names):
        tp = np.diag(self.cm).astype(float)
        iou = tp / np.maximum(self.cm.sum(0) + self.cm.sum(1) - tp, 1)
        recall = tp / np.maximum(self.cm.sum(1), 1)
        return {"mIoU": float(iou.mean()), "mean_recall": float(recall.mean()),
                **{f"iou_{n}": float(v) for n, v in zip(names, iou)}}


@torch.no_grad()
def evaluate(model, loader, device, names):
    model.eval()
    meter = ConfusionMeter(len(names))
    for x, y in loader:
        meter.update(model(x.to(device)).argmax(1).cpu().numpy(), y.numpy())
    return meter.scores(names)
