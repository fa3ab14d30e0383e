import numpy as np
import torch


@torch.inference_mode()
def collect_probs(model, loader, device):
    model.eval()
    probs, targets = [], []
    for images, masks in loader:
        logits = model(images.to(device))
        probs.append(torch.sigmoid(logits).cpu())
        targets.append(masks)
    return torch.cat(probs), torch.cat(targets)


def dice_per_image(probs, targets, threshold=0.5, eps=1e-7):
    pred = (probs > threshold).float()
    inter = (pred * targets).flatten(1).sum(1)
    denom = pred.flatten(1).sum(1) + targets.flatten(1).sum(1)
    return ((2 * inter + eps) / (denom + eps)).numpy()


def jaccard_per_image(probs, targets, threshold=0.5, eps=1e-7):
    pred = (probs > threshold).float()
    inter = (pred * targets).flatten(1).sum(1)
    union = pred.flatten(1).sum(1) + targets.flatten(1).sum(1) - inter
    return ((inter + eps) / (union + eps)).numpy()


def tune_threshold(model, loader, device, grid=np.arange(0.2, 0.81, 0.05)):
    probs, targets = collect_probs(model, loader, device)
    scores = {round(float(t), 2): dice_per_image(probs, targets, t).mean() for t in grid}
    best_t = max(scores, key=scores.get)
    return best_t, scores
