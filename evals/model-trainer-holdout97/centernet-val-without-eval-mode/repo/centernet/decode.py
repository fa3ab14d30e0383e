import torch
import torch.nn.functional as F


def focal_loss(pred, gt, alpha=2, beta=4):
    pred = pred.clamp(1e-4, 1 - 1e-4)
    pos = gt.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(pred) * (1 - pred) ** alpha * pos
    neg_loss = torch.log(1 - pred) * pred ** alpha * (1 - gt) ** beta * neg
    num_pos = pos.sum().clamp(min=1)
    return -(pos_loss.sum() + neg_loss.sum()) / num_pos


def reg_l1(pred, target, mask):
    mask = mask.unsqueeze(1).expand_as(pred).float()
    return F.l1_loss(pred * mask, target * mask, reduction="sum") / (mask.sum() + 1e-4)


def centernet_loss(out, batch, wh_weight=0.1):
    hm = focal_loss(out["hm"], batch["hm"])
    wh = reg_l1(out["wh"], batch["wh"], batch["mask"])
    off = reg_l1(out["reg"], batch["reg"], batch["mask"])
    return hm + wh_weight * wh + off


@torch.no_grad()
def decode(out, k=100, stride=4):
    hm = out["hm"]
    b, c, h, w = hm.shape
    keep = (F.max_pool2d(hm, 3, stride=1, padding=1) == hm).float()
    scores, idx = (hm * keep).view(b, -1).topk(k)
    cls = idx // (h * w)
    pix = idx % (h * w)
    ys, xs = (pix // w).float(), (pix % w).float()
    wh = out["wh"].view(b, 2, -1).gather(2, pix.unsqueeze(1).expand(b, 2, k))
    reg = out["reg"].view(b, 2, -1).gather(2, pix.unsqueeze(1).expand(b, 2, k))
    cx, cy = xs + reg[:, 0], ys + reg[:, 1]
    boxes = torch.stack([cx - wh[:, 0] / 2, cy - wh[:, 1] / 2, cx + wh[:, 0] / 2, cy + wh[:, 1] / 2], dim=-1)
    return [{"boxes": boxes[i] * stride, "scores": scores[i], "labels": cls[i]} for i in range(b)]
