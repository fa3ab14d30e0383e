import torch
from sklearn.metrics import balanced_accuracy_score, top_k_accuracy_score


def train_one_epoch(model, loader, criterion, optimizer, scaler, device):
    model.train()
    running, n = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
            loss = criterion(model(images), labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        running += loss.item() * images.size(0)
        n += images.size(0)
    return running / n


@torch.inference_mode()
def evaluate(model, loader, device, num_classes):
    model.eval()
    probs, targets = [], []
    for images, labels in loader:
        probs.append(model(images.to(device)).softmax(-1).float().cpu())
        targets.append(labels)
    probs, targets = torch.cat(probs).numpy(), torch.cat(targets).numpy()
    return {
        "balanced_acc": balanced_accuracy_score(targets, probs.argmax(1)),
        "top3": top_k_accuracy_score(targets, probs, k=3, labels=list(range(num_classes))),
    }
