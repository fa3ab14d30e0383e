import torch
import torch.nn.functional as F


def dice_bce_loss(logits, target, eps=1.0):
    bce = F.binary_cross_entropy_with_logits(logits, target)
    prob = torch.sigmoid(logits)
    inter = (prob * target).sum(dim=(2, 3))
    union = prob.sum(dim=(2, 3)) + target.sum(dim=(2, 3))
    dice = 1 - (2 * inter + eps) / (union + eps)
    return bce + dice.mean()


@torch.no_grad()
def batch_scores(logits, target, thr=0.5, eps=1e-7):
    pred = (torch.sigmoid(logits) > thr).float()
    inter = (pred * target).sum(dim=(1, 2, 3))
    p_sum, t_sum = pred.sum(dim=(1, 2, 3)), target.sum(dim=(1, 2, 3))
    dice = (2 * inter + eps) / (p_sum + t_sum + eps)
    iou = (inter + eps) / (p_sum + t_sum - inter + eps)
    return dice, iou


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = dice_bce_loss(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * x.size(0)
    return total / len(loader.dataset)


def evaluate(model, loader, device):
    dices, ious, loss_sum = [], [], 0.0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss_sum += dice_bce_loss(logits, y).item() * x.size(0)
            d, j = batch_scores(logits, y)
            dices.append(d.cpu())
            ious.append(j.cpu())
    return {
        "loss": loss_sum / len(loader.dataset),
        "dice": torch.cat(dices).mean().item(),
        "iou": torch.cat(ious).mean().item(),
    }
