import numpy as np
import torch
import torch.nn.functional as F

from .common import confusion_counts, iou_f1


@torch.no_grad()
def validate(model, loader, device, threshold: float = 0.5):
    """Mean BCE loss and boundary IoU / F1 over a loader."""
    was_training = model.training
    model.eval()
    loss_sum, n, tp, fp, fn = 0.0, 0, 0.0, 0.0, 0.0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        logits = model(x)
        loss_sum += F.binary_cross_entropy_with_logits(logits, y, reduction="sum").item() / y[0].numel()
        n += x.size(0)
        a, b, c = confusion_counts((torch.sigmoid(logits) > threshold).float(), y)
        tp, fp, fn = tp + a, fp + b, fn + c
    model.train(was_training)
    iou, f1 = iou_f1(tp, fp, fn)
    return {"loss": loss_sum / n, "iou": iou, "f1": f1}


def ndvi_edge_baseline(fit_ds, eval_ds):
    """Sobel magnitude on NDVI with the edge threshold tuned for F1 on fit_ds."""
    sobel = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]]).view(1, 1, 3, 3)

    def edges(x):
        ndvi = ((x[3] - x[2]) / (x[3] + x[2] + 1e-6))[None, None]
        gx, gy = F.conv2d(ndvi, sobel, padding=1), F.conv2d(ndvi, sobel.transpose(2, 3), padding=1)
        return torch.sqrt(gx ** 2 + gy ** 2)[0]

    candidates = np.linspace(0.02, 0.6, 30)
    best_t, best_f1 = candidates[0], -1.0
    for t in candidates:
        counts = np.sum([confusion_counts((edges(x) > t).float(), y) for x, y in fit_ds], axis=0)
        f1 = iou_f1(*counts)[1]
        if f1 > best_f1:
            best_t, best_f1 = t, f1
    counts = np.sum([confusion_counts((edges(x) > best_t).float(), y) for x, y in eval_ds], axis=0)
    iou, f1 = iou_f1(*counts)
    return {"threshold": float(best_t), "iou": iou, "f1": f1}
