import torch


def train_one_epoch(model, loader, criterion, optimizer, scaler, device):
    model.train()
    total, n = 0.0, 0
    for clips, labels in loader:
        clips, labels = clips.to(device, non_blocking=True), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=scaler.is_enabled()):
            loss = criterion(model(clips), labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    correct, n = 0, 0
    for clips, labels in loader:
        logits = model(clips.to(device, non_blocking=True))
        correct += (logits.argmax(1).cpu() == labels).sum().item()
        n += labels.size(0)
    return correct / n
