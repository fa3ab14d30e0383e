import numpy as np


def confusion_from_logits(pred, labels, n_classes, ignore_index=255):
    pred = np.asarray(pred).ravel()
    labels = np.asarray(labels).ravel()
    keep = labels != ignore_index
    idx = n_classes * labels[keep].astype(np.int64) + pred[keep].astype(np.int64)
    return np.bincount(idx, minlength=n_classes ** 2).reshape(n_classes, n_classes)


def summarize(cm, class_names):
    tp = np.diag(cm).astype(float)
    union = cm.sum(0) + cm.sum(1) - tp
    iou = np.where(union > 0, tp / np.maximum(union, 1), np.nan)
    out = {
        "mean_iou": float(np.nanmean(iou)),
        "pixel_accuracy": float(tp.sum() / max(cm.sum(), 1)),
        "mean_class_recall": float(np.nanmean(tp / np.where(cm.sum(1) > 0, cm.sum(1), np.nan))),
    }
    out.update({f"iou_{c}": float(v) for c, v in zip(class_names, iou)})
    return out
