import numpy as np
import torch


class ConfusionMeter:
    def __init__(self, n_classes):
        self.n = n_classes
        self.cm = torch.zeros(n_classes, n_classes, dtype=torch.long)

    def update(self, pred, target):
        idx = target.flatten() * self.n + pred.flatten()
        self.cm += torch.bincount(idx.cpu(), minlength=self.n ** 2).reshape(self.n, self.n)

    def summary(self, names):
        cm = self.cm.double()
        tp = cm.diag()
        iou = tp / (cm.sum(0) + cm.sum(1) - tp).clamp(min=1)
        f1 = 2 * tp / (cm.sum(0) + cm.sum(1)).clamp(min=1)
        return {
            "miou": iou.mean().item(),
            "macro_f1": f1.mean().item(),
            "pixel_acc": (tp.sum() / cm.sum()).item(),
            "iou_per_class": dict(zip(names, np.round(iou.numpy(), 4).tolist())),
        }
