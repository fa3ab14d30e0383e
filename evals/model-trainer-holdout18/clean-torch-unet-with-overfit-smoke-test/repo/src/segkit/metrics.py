import torch


class ConfusionMeter:
    def __init__(self, n_classes):
        self.n = n_classes
        self.mat = torch.zeros(n_classes, n_classes, dtype=torch.long)

    def update(self, pred, target):
        idx = target.flatten() * self.n + pred.flatten()
        self.mat += torch.bincount(idx.cpu(), minlength=self.n ** 2).reshape(self.n, self.n)

    def compute(self):
        tp = self.mat.diag().double()
        iou = tp / (self.mat.sum(0) + self.mat.sum(1) - tp.long()).double().clamp_min(1)
        return {"miou": iou.mean().item(),
                "pixel_acc": (tp.sum() / self.mat.sum()).item(),
                "iou_per_class": iou.tolist()}
