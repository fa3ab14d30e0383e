import numpy as np


def dice_iou(pred, gt, eps=1e-6):
    inter = np.logical_and(pred, gt).sum()
    union = np.logical_or(pred, gt).sum()
    dice = (2 * inter + eps) / (pred.sum() + gt.sum() + eps)
    return float(dice), float((inter + eps) / (union + eps))


def per_patient(frame, probs, masks, thr):
    """Volume-level Dice/IoU per patient, averaged over patients."""
    out = []
    for pid, idx in frame.reset_index(drop=True).groupby("patient").groups.items():
        out.append(dice_iou(probs[idx] >= thr, masks[idx] > 0.5))
    d, j = np.mean(out, axis=0)
    return {"dice": float(d), "iou": float(j)}
